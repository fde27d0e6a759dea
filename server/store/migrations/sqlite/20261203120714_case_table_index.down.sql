-- reverse: create index "casefile_case_file_table" to table: "cases"
DROP INDEX `casefile_case_file_table`;
