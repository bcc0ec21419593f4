-- The host city in Chinese, as the edition's name has nameZh: the Chinese report and e-mails say 上海, not Shanghai.

ALTER TABLE "events" ADD COLUMN "city_zh" TEXT;
