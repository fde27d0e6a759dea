-- modify "persons" table
ALTER TABLE "persons" ALTER COLUMN "birth_year" DROP NOT NULL, ALTER COLUMN "gender" DROP NOT NULL, ALTER COLUMN "household_size" DROP NOT NULL, ALTER COLUMN "citizenship_area" DROP NOT NULL;
