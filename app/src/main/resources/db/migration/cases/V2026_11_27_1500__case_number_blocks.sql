-- Case numbers are handed out by each node from blocks of 100 (one round trip per hundred reports).
alter sequence cases.case_number_seq increment by 100;
