-- create index "casefile_case_file_table" to table: "cases"
CREATE INDEX `casefile_case_file_table` ON `cases` (`case_file_table`);
