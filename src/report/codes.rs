//! Every finding code, defined once. The codes are a public contract: never rename one.
//! Each has a row in `data/messages.tsv` (a test checks both directions).

macro_rules! codes {
    ($($name:ident = $code:literal,)*) => {
        $(pub const $name: &str = $code;)*
        /// All codes, in definition order.
        pub const ALL: &[&str] = &[$($code,)*];
    };
}

codes! {
    // Any field
    FIELD_REQUIRED = "field.required",
    FIELD_WRONG_TYPE = "field.wrong_type",
    FIELD_NUMBER_NOT_TEXT = "field.number_not_text",
    FIELD_TOO_LONG = "field.too_long",
    FIELD_NORMALIZED = "field.normalized",
    // 统一社会信用代码 (GB 32100-2015)
    USCC_LENGTH = "uscc.length",
    USCC_INVALID_CHAR = "uscc.invalid_char",
    USCC_AUTHORITY_TYPE = "uscc.authority_type",
    USCC_DIVISION = "uscc.division",
    USCC_ORG_CODE = "uscc.org_code",
    USCC_CHECK_CHAR = "uscc.check_char",
    USCC_LOOKS_LIKE_ID_NUMBER = "uscc.looks_like_id_number",
    USCC_PILOT_ALLOWLISTED = "uscc.pilot_allowlisted",
    // 居民身份证号码 (GB 11643-1999)
    ID_LENGTH = "id_number.length",
    ID_INVALID_CHAR = "id_number.invalid_char",
    ID_PROVINCE = "id_number.province",
    ID_BIRTH_DATE = "id_number.birth_date",
    ID_BIRTH_IN_FUTURE = "id_number.birth_in_future",
    ID_CHECK_CHAR = "id_number.check_char",
    ID_LEGACY_15 = "id_number.legacy_15",
    // 组织机构代码 (GB 11714-1997)
    ORG_LENGTH = "org_code.length",
    ORG_INVALID_CHAR = "org_code.invalid_char",
    ORG_CHECK_CHAR = "org_code.check_char",
    // 15-digit 注册号 (GS 15-2006)
    REGNO_LENGTH = "regno15.length",
    REGNO_INVALID_CHAR = "regno15.invalid_char",
    REGNO_CHECK_DIGIT = "regno15.check_digit",
    REGNO_LEGACY = "regno15.legacy",
    // Money
    MONEY_INVALID = "money.invalid",
    MONEY_GROUPING = "money.grouping",
    MONEY_TOO_MANY_DECIMALS = "money.too_many_decimals",
    MONEY_NEGATIVE = "money.negative",
    MONEY_TOO_LARGE = "money.too_large",
    MONEY_NOT_FINITE = "money.not_finite",
    MONEY_CONVERTED = "money.converted",
    // 大写金额
    UPPER_INVALID_CHAR = "uppercase.invalid_char",
    UPPER_LOWERCASE_NUMERAL = "uppercase.lowercase_numeral",
    UPPER_MALFORMED = "uppercase.malformed",
    UPPER_MISSING_YUAN = "uppercase.missing_yuan",
    UPPER_TOO_LARGE = "uppercase.too_large",
    UPPER_MISMATCH = "uppercase.mismatch",
    UPPER_NONSTANDARD = "uppercase.nonstandard",
    UPPER_MISSING_LEADING_ONE = "uppercase.missing_leading_one",
    // Dates
    DATE_FORMAT = "date.format",
    DATE_NOT_A_DATE = "date.not_a_date",
    DATE_OUT_OF_RANGE = "date.out_of_range",
    // Phone numbers
    MOBILE_INVALID = "mobile.invalid",
    MOBILE_LANDLINE_NOT_ALLOWED = "mobile.landline_not_allowed",
    // Catalogue loading and overlays
    CATALOGUE_INVALID = "catalogue.invalid",
    CATALOGUE_NOT_OBJECT = "catalogue.not_object",
    CATALOGUE_BAD_JSON = "catalogue.bad_json",
    CATALOGUE_MISSING_FIELD = "catalogue.missing_field",
    CATALOGUE_WRONG_TYPE = "catalogue.wrong_type",
    CATALOGUE_TOO_LONG = "catalogue.too_long",
    CATALOGUE_TOO_MANY_ITEMS = "catalogue.too_many_items",
    CATALOGUE_BAD_CODE = "catalogue.bad_code",
    CATALOGUE_DUPLICATE_CODE = "catalogue.duplicate_code",
    CATALOGUE_EMPTY_NAME = "catalogue.empty_name",
    CATALOGUE_UNKNOWN_PARENT = "catalogue.unknown_parent",
    CATALOGUE_CYCLE = "catalogue.cycle",
    CATALOGUE_BAD_LEVEL = "catalogue.bad_level",
    CATALOGUE_BAD_DATE = "catalogue.bad_date",
    CATALOGUE_DATE_ORDER = "catalogue.date_order",
    CATALOGUE_BAD_PINMU = "catalogue.bad_pinmu",
    CATALOGUE_UNKNOWN_PINMU = "catalogue.unknown_pinmu",
    CATALOGUE_BAD_GRADE = "catalogue.bad_grade",
    CATALOGUE_EMPTY_REQUIREMENT = "catalogue.empty_requirement",
    CATALOGUE_UNKNOWN_BUILTIN = "catalogue.unknown_builtin",
    OVERLAY_UNKNOWN_CODE = "overlay.unknown_code",
    OVERLAY_DUPLICATE_CODE = "overlay.duplicate_code",
    // Purchase screening
    SCREEN_ITEM_UNKNOWN = "screen.item_unknown",
    SCREEN_ITEM_WITHDRAWN = "screen.item_withdrawn",
    SCREEN_ITEM_NOT_YET_VALID = "screen.item_not_yet_valid",
    SCREEN_ITEM_EXPIRED = "screen.item_expired",
    SCREEN_ITEM_IS_CLASS = "screen.item_is_class",
    SCREEN_NOT_BUDGETED = "screen.not_budgeted",
    SCREEN_GOODS_OR_WORKS = "screen.goods_or_works",
    SCREEN_WORKS_WITH_SERVICES = "screen.works_with_services",
    SCREEN_TERM_INVALID = "screen.term_invalid",
    SCREEN_TERM_OVER_ONE_YEAR = "screen.term_over_one_year",
    SCREEN_TERM_OVER_THREE_YEARS = "screen.term_over_three_years",
    SCREEN_ARTICLE10_TERM = "screen.article10_term",
    // Options (structured errors, not findings)
    OPTIONS_WRONG_TYPE = "options.wrong_type",
    OPTIONS_BAD_VALUE = "options.bad_value",
}
