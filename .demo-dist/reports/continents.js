"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONTINENT_BY_COUNTRY = exports.CONTINENTS = void 0;
exports.continentOf = continentOf;
/**
 * Every ISO 3166-1 alpha-2 code by continent, following the UN M49 geoscheme (the Americas split into North
 * America, which includes Central America and the Caribbean, and South America). M49 settles the transcontinental
 * cases: Russia is in Europe; Turkey, Cyprus, Georgia, Armenia, Azerbaijan and Kazakhstan are in Asia; Egypt is in
 * Africa; Greenland is in North America. The remote territories follow M49 as well (Bouvet Island and South
 * Georgia with South America, the French Southern Territories and the British Indian Ocean Territory with Africa,
 * Heard and McDonald Islands and the US Minor Outlying Islands with Oceania); only Antarctica itself is AN.
 */
const COUNTRIES = {
    AF: 'DZ EG LY MA SD TN EH IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW ' +
        'AO CM CF TD CG CD GQ GA ST BW SZ LS NA ZA BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG',
    AN: 'AQ',
    AS: 'KZ KG TJ TM UZ CN HK MO KP JP MN KR TW BN KH ID LA MY MM PH SG TH TL VN AF BD BT IN IR MV NP PK LK ' +
        'AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE',
    EU: 'BY BG CZ HU PL MD RO RU SK UA AX DK EE FO FI GG IS IE IM LV LT NO SJ SE GB JE ' +
        'AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES AT BE FR DE LI LU MC NL CH',
    NA: 'AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI ' +
        'BZ CR SV GT HN MX NI PA BM CA GL PM US',
    OC: 'AU CX CC HM NZ NF FJ NC PG SB VU GU KI MH FM NR MP PW UM AS CK PF NU PN WS TK TO TV WF',
    SA: 'AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE',
};
exports.CONTINENTS = ['AF', 'AN', 'AS', 'EU', 'NA', 'OC', 'SA'];
exports.CONTINENT_BY_COUNTRY = Object.freeze(Object.fromEntries(exports.CONTINENTS.flatMap((continent) => COUNTRIES[continent].split(' ').map((code) => [code, continent]))));
/** The continent of an ISO 3166-1 alpha-2 code (any case), or undefined for a code that is not a country. */
function continentOf(countryCode) {
    return exports.CONTINENT_BY_COUNTRY[countryCode.toUpperCase()];
}
//# sourceMappingURL=continents.js.map