-- The report, second edition (issue 20): the web edition of each language, stored beside its PDF. Reports produced
-- before it have none (the three columns stay null); a report produced from now on has all three.

ALTER TABLE "report_files" ADD COLUMN "html" TEXT;
ALTER TABLE "report_files" ADD COLUMN "html_sha256" CHAR(64);
ALTER TABLE "report_files" ADD COLUMN "html_size_bytes" INTEGER;
-- Not expressible in schema.prisma: the page, its checksum and its size come together, and the size is the page's
-- bytes in UTF-8 (what the API sends).
ALTER TABLE "report_files" ADD CONSTRAINT "report_files_html_check" CHECK (
    ("html" IS NULL AND "html_sha256" IS NULL AND "html_size_bytes" IS NULL)
    OR ("html" IS NOT NULL AND "html_sha256" IS NOT NULL AND "html_size_bytes" = octet_length("html"))
);
