-- A site still in use is archived rather than deleted; a volunteer who asked to be removed is erased.
ALTER TABLE `sites` ADD `archived_at` integer;--> statement-breakpoint
ALTER TABLE `volunteers` ADD `erased_at` integer;--> statement-breakpoint
-- Languages are stored as codes (API.md): names typed in English, Spanish or the language itself
-- ("Spanish", "español", "Kiche") become their ISO code, as shared/language-codes.ts maps them for
-- new input; codes are lower-cased; unknown names stay as typed; a list keeps one of each, in order.
-- SQLite lower() folds ASCII only, so the table lists each spelling in the cases people type.
CREATE TEMP TABLE `language_names` (`name` text PRIMARY KEY, `code` text NOT NULL);--> statement-breakpoint
INSERT INTO `language_names` (`name`, `code`) VALUES ('english', 'en'), ('inglés', 'en'), ('inglÉs', 'en'), ('ingles', 'en'), ('eng', 'en'), ('spanish', 'es'), ('español', 'es'), ('espaÑol', 'es'), ('espanol', 'es'), ('castellano', 'es'), ('spa', 'es'), ('portuguese', 'pt'), ('portugués', 'pt'), ('portuguÉs', 'pt'), ('portugues', 'pt'), ('português', 'pt'), ('portuguÊs', 'pt'), ('por', 'pt'), ('french', 'fr'), ('francés', 'fr'), ('francÉs', 'fr'), ('frances', 'fr'), ('français', 'fr'), ('franÇais', 'fr'), ('francais', 'fr'), ('fra', 'fr'), ('haitian creole', 'ht'), ('criollo haitiano', 'ht'), ('kreyòl ayisyen', 'ht'), ('kreyÒl ayisyen', 'ht'), ('kreyol ayisyen', 'ht'), ('kreyòl', 'ht'), ('kreyÒl', 'ht'), ('kreyol', 'ht'), ('creole', 'ht'), ('haitian', 'ht'), ('créole haïtien', 'ht'), ('crÉole haÏtien', 'ht'), ('creole haitien', 'ht'), ('creole haitiano', 'ht'), ('hat', 'ht'), ('arabic', 'ar'), ('árabe', 'ar'), ('Árabe', 'ar'), ('arabe', 'ar'), ('العربية', 'ar'), ('ara', 'ar'), ('chinese', 'zh'), ('chino', 'zh'), ('中文', 'zh'), ('mandarin', 'zh'), ('mandarín', 'zh'), ('mandarÍn', 'zh'), ('zho', 'zh'), ('cmn', 'zh'), ('russian', 'ru'), ('ruso', 'ru'), ('русский', 'ru'), ('Русский', 'ru'), ('РУССКИЙ', 'ru');--> statement-breakpoint
INSERT INTO `language_names` (`name`, `code`) VALUES ('русскии', 'ru'), ('Русскии', 'ru'), ('РУССКИИ', 'ru'), ('rus', 'ru'), ('hindi', 'hi'), ('हिन्दी', 'hi'), ('hin', 'hi'), ('punjabi', 'pa'), ('panyabí', 'pa'), ('panyabÍ', 'pa'), ('panyabi', 'pa'), ('ਪੰਜਾਬੀ', 'pa'), ('panjabi', 'pa'), ('punyabi', 'pa'), ('ukrainian', 'uk'), ('ucraniano', 'uk'), ('українська', 'uk'), ('Українська', 'uk'), ('УКРАЇНСЬКА', 'uk'), ('украінська', 'uk'), ('Украінська', 'uk'), ('УКРАІНСЬКА', 'uk'), ('ukr', 'uk'), ('pashto', 'ps'), ('pastún', 'ps'), ('pastÚn', 'ps'), ('pastun', 'ps'), ('پښتو', 'ps'), ('pashtu', 'ps'), ('persian', 'fa'), ('persa', 'fa'), ('فارسی', 'fa'), ('farsi', 'fa'), ('dari', 'fa'), ('prs', 'fa'), ('turkish', 'tr'), ('turco', 'tr'), ('türkçe', 'tr'), ('tÜrkÇe', 'tr'), ('turkce', 'tr'), ('wolof', 'wo'), ('fula', 'ff'), ('fulfulde', 'ff'), ('fulani', 'ff'), ('pulaar', 'ff'), ('peul', 'ff'), ('somali', 'so'), ('somalí', 'so'), ('somalÍ', 'so'), ('soomaali', 'so'), ('amharic', 'am'), ('amárico', 'am'), ('amÁrico', 'am'), ('amarico', 'am'), ('አማርኛ', 'am'), ('tigrinya', 'ti'), ('tigriña', 'ti'), ('tigriÑa', 'ti'), ('tigrina', 'ti'), ('ትግርኛ', 'ti');--> statement-breakpoint
INSERT INTO `language_names` (`name`, `code`) VALUES ('lingala', 'ln'), ('lingála', 'ln'), ('lingÁla', 'ln'), ('vietnamese', 'vi'), ('vietnamita', 'vi'), ('tiếng việt', 'vi'), ('tiẾng viỆt', 'vi'), ('tieng viet', 'vi'), ('bengali', 'bn'), ('bengalí', 'bn'), ('bengalÍ', 'bn'), ('বাংলা', 'bn'), ('bangla', 'bn'), ('nepali', 'ne'), ('nepalí', 'ne'), ('nepalÍ', 'ne'), ('नेपाली', 'ne'), ('k''iche''', 'quc'), ('kiche', 'quc'), ('quiché', 'quc'), ('quichÉ', 'quc'), ('quiche', 'quc'), ('mam', 'mam'), ('qyol mam', 'mam'), ('q''anjob''al', 'kjb'), ('qanjobal', 'kjb'), ('kanjobal', 'kjb'), ('kaqchikel', 'cak'), ('cakchiquel', 'cak'), ('ixil', 'ixl'), ('tz''utujil', 'tzj'), ('tzutujil', 'tzj'), ('chol', 'ctu'), ('ch''ol', 'ctu'), ('chʼol', 'ctu'), ('tzotzil', 'tzo'), ('batsʼi kʼop', 'tzo'), ('bats''i k''op', 'tzo'), ('tzeltal', 'tzh'), ('bats''il k''op', 'tzh'), ('batsil kop', 'tzh'), ('poqomchi''', 'poh'), ('poqomchi', 'poh'), ('pocomchi', 'poh'), ('achi', 'acr'), ('achí', 'acr'), ('achÍ', 'acr'), ('popti''', 'jac'), ('popti', 'jac'), ('jakaltek', 'jac'), ('jacalteco', 'jac'), ('q''eqchi''', 'kek'), ('qeqchi', 'kek'), ('kekchi', 'kek'), ('chuj', 'chj'), ('awakateko', 'agu'), ('aguacateco', 'agu'), ('yucatec maya', 'yua'), ('maya yucateco', 'yua'), ('maaya t''aan', 'yua');--> statement-breakpoint
INSERT INTO `language_names` (`name`, `code`) VALUES ('maaya taan', 'yua'), ('maya', 'yua'), ('mixtec', 'mix'), ('mixteco', 'mix'), ('tu''un savi', 'mix'), ('tuun savi', 'mix'), ('zapotec', 'zap'), ('zapoteco', 'zap'), ('diidxazá', 'zap'), ('diidxazÁ', 'zap'), ('diidxaza', 'zap'), ('nahuatl', 'nah'), ('náhuatl', 'nah'), ('nÁhuatl', 'nah'), ('nāhuatl', 'nah'), ('nĀhuatl', 'nah'), ('quechua', 'qu'), ('runa simi', 'qu'), ('guarani', 'gn'), ('guaraní', 'gn'), ('guaranÍ', 'gn'), ('avañe''ẽ', 'gn'), ('avaÑe''Ẽ', 'gn'), ('avañeẽ', 'gn'), ('avaÑeẼ', 'gn'), ('avane''e', 'gn'), ('avanee', 'gn'), ('garifuna', 'cab'), ('garífuna', 'cab'), ('garÍfuna', 'cab'), ('miskito', 'miq'), ('misquito', 'miq'), ('miskitu', 'miq'), ('mískito', 'miq'), ('mÍskito', 'miq');--> statement-breakpoint
UPDATE `volunteers` SET `languages` = (
  SELECT json_group_array(`code`) FROM (
    SELECT coalesce(m.`code`, CASE WHEN j.`value` GLOB '[A-Za-z][A-Za-z]' OR j.`value` GLOB '[A-Za-z][A-Za-z][A-Za-z]' THEN lower(j.`value`) ELSE j.`value` END) AS `code`, min(j.`key`) AS `at`
    FROM json_each(`volunteers`.`languages`) AS j
    LEFT JOIN `language_names` AS m ON m.`name` = lower(replace(replace(trim(j.`value`), '’', ''''), '‘', ''''))
    GROUP BY 1 ORDER BY `at`
  )
) WHERE `languages` <> '[]';--> statement-breakpoint
UPDATE `releases` SET `languages` = (
  SELECT json_group_array(`code`) FROM (
    SELECT coalesce(m.`code`, CASE WHEN j.`value` GLOB '[A-Za-z][A-Za-z]' OR j.`value` GLOB '[A-Za-z][A-Za-z][A-Za-z]' THEN lower(j.`value`) ELSE j.`value` END) AS `code`, min(j.`key`) AS `at`
    FROM json_each(`releases`.`languages`) AS j
    LEFT JOIN `language_names` AS m ON m.`name` = lower(replace(replace(trim(j.`value`), '’', ''''), '‘', ''''))
    GROUP BY 1 ORDER BY `at`
  )
) WHERE `languages` <> '[]';--> statement-breakpoint
UPDATE `dispatches` SET `languages` = (
  SELECT json_group_array(`code`) FROM (
    SELECT coalesce(m.`code`, CASE WHEN j.`value` GLOB '[A-Za-z][A-Za-z]' OR j.`value` GLOB '[A-Za-z][A-Za-z][A-Za-z]' THEN lower(j.`value`) ELSE j.`value` END) AS `code`, min(j.`key`) AS `at`
    FROM json_each(`dispatches`.`languages`) AS j
    LEFT JOIN `language_names` AS m ON m.`name` = lower(replace(replace(trim(j.`value`), '’', ''''), '‘', ''''))
    GROUP BY 1 ORDER BY `at`
  )
) WHERE `languages` <> '[]';--> statement-breakpoint
UPDATE `housing_sites` SET `languages` = (
  SELECT json_group_array(`code`) FROM (
    SELECT coalesce(m.`code`, CASE WHEN j.`value` GLOB '[A-Za-z][A-Za-z]' OR j.`value` GLOB '[A-Za-z][A-Za-z][A-Za-z]' THEN lower(j.`value`) ELSE j.`value` END) AS `code`, min(j.`key`) AS `at`
    FROM json_each(`housing_sites`.`languages`) AS j
    LEFT JOIN `language_names` AS m ON m.`name` = lower(replace(replace(trim(j.`value`), '’', ''''), '‘', ''''))
    GROUP BY 1 ORDER BY `at`
  )
) WHERE `languages` <> '[]';--> statement-breakpoint
DROP TABLE `language_names`;
