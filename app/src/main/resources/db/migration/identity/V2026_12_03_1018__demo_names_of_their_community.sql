-- The demo grid worker and community staff work in 平安社区 (500104001001) of 新山村街道; their first
-- display names named a "新山村社区" that does not exist. Only the demo's own untouched names change.
update identity.app_user set display_name = '平安社区第1网格网格员' where username = 'gridworker' and display_name = '新山村社区第1网格网格员';
update identity.app_user set display_name = '平安社区工作人员' where username = 'community' and display_name = '新山村社区工作人员';
