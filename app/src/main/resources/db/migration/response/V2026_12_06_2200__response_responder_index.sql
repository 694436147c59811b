-- a responder's phone: the open incidents that proposed them (jsonb containment on the responders)
create index incident_responders on response.incident using gin ((doc -> 'responders') jsonb_path_ops) where state = 'OPEN';
