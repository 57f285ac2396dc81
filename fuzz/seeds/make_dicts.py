#!/usr/bin/env python3
"""Writes the libFuzzer dictionaries fuzz/dict/*.dict (keys and words of the input formats, so
that mutations produce well-formed documents more often). Non-ASCII bytes are \\xNN-escaped."""
import os
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

def esc(s):
    out = ""
    for b in s.encode("utf-8"):
        c = chr(b)
        out += c if 32 <= b < 127 and c not in '"\\' else "\\x%02X" % b
    return '"' + out + '"'

KEYS = """abnormalOperation abnormalOperationSeverity abnormalTaxpayer allowCommitments auditedReportYear
banUntil bankCreditLetter commitments credit creditQueryMaxAgeDays decidedOn description entityType
equipment equipmentAndCapability establishedOn exemption financials fineAmount fineUnit
fiscallyFundedMassOrganization grade idNumber institutionClass issuer issuerLevel judgmentDefaulter
kind licences lookbackYears majorFineThreshold majorTaxViolator members name noMajorViolation number
ownersEquity paidMonths penalties procurementBlacklist quantity queriedOn registration
reputationAndAccounting role seriousIllegalDishonest socialSecurityMonths staff status
taxAndSocialSecurity taxSocialSecurity termEnd totalAssets totalLiabilities uscc usccPilotAllowlist
validUntil amount budget change code contractTerm from itemCode items level months pinmu policy reason
requirements secured stable unit version note add rename withdraw require aliases keywords minGrade
validFrom validTo withdrawn origin title locale label path required allowNegative allowLandline today
limit asOf""".split()
WORDS = """enterprise natural_person individual_business public_institution social_organization
state_organ farmers_cooperative rural_collective self_governing legal_service other fine warning
criminal revocation suspension procurement_ban confiscation national province city county township
wan yuan error info zh-CN zh-TW en true false null 2026-03-15 2024-02-29 2023-03-15 2026-02
91110000600037341L 11010519491231002X 600037341 110108000000016 13812345678 1,000,000.00 250
C13050200 A02010100 B01000000 01060101 011301 0106""".split()
ZH = "存续 注销 吊销 公司 垃圾清运 三级 乙级 甲级 资质 主管部门 万元 人民币 劳务派遣".split()

def write(name, tokens):
    with open(os.path.join(ROOT, "fuzz", "dict", name), "w", encoding="ascii") as f:
        f.write("# libFuzzer dictionary, written by fuzz/seeds/make_dicts.py\n")
        for t in tokens:
            f.write(esc(t) + "\n")

json_tokens = ['"%s":' % k for k in KEYS] + ['"%s"' % w for w in WORDS] + ZH + [
    "{", "}", "[", "]", ",", ":", '""', "null", "true", "false", "-0", "1e308", "0.1"]
write("json.dict", json_tokens)
write("uppercase.dict", list("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整圆正") + ["人民币", "：", "\u3000", "\u200b"])
write("csv.dict", ["code", "name", "parent", "level", "aliases", "keywords", "pinmu", "requirements",
                   "validFrom", "validTo", "代码", "名称", "上级代码", "资质要求", ",", '"', '""', "\r\n", ";",
                   "；", ">=", "@", "≥", "＠", "-", "\ufeff", "三级", "C13050200", "2024-01-01"])
write("text.dict", ["-", " ", "\u3000", "\u200b", "\ufeff", "+86", "0086", "年", "月", "日", "/", ".", "T",
                    "万元", "元", "¥", "￥", "RMB", "人民币", ",", "，", "。", "转", "#", "(", ")", "X"])
print("dictionaries written")
