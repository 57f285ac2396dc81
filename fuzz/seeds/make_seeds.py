#!/usr/bin/env python3
"""Writes the seed corpora fuzz/corpus/<target>/ from real inputs (test fixtures, the README's
examples, the embedded county catalogue) and a few hostile ones. Re-run after adding seeds:
    python3 fuzz/seeds/make_seeds.py [OUT_DIR]       (default fuzz/corpus)
Files are named by the SHA-1 of their content, as libFuzzer names corpus entries."""
import hashlib, json, os, struct, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "fuzz", "corpus")

def fixture(name, col=0, limit=12):
    out = []
    with open(os.path.join(ROOT, "tests", "fixtures", name), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                out.append(line.rstrip("\n").split("\t")[col].strip())
    return out[:limit]

def put(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)

NOISE = b"\x00\x11\x22\x35\x47\x12"
HOSTILE = ["", " ", "\u3000\u200b\ufeff", "null", "０" * 250, "😀", "\ud7ff", "-", "x" * 201]

for v in fixture("uscc_valid.txt") + fixture("uscc_invalid.txt", limit=5) + [
        "91110000600037341L", "９１１１ 0000-6000\u200b37341ｌ", "11010519491231002X"] + HOSTILE:
    put("field_uscc", v.encode() + NOISE)
for v in fixture("ric.txt") + ["110105491231002", "11010519491231002x", "110105202802290014"] + HOSTILE:
    put("field_id_number", v.encode() + NOISE)
for v in fixture("org_code.txt") + ["600037341", "６０００３７３４－１"] + HOSTILE:
    put("field_org_code", v.encode() + NOISE)
for v in fixture("regno15.txt") + ["110108 0000 0001 6"] + HOSTILE:
    put("field_regno15", v.encode() + NOISE)
for v in ["13812345678", "+86 138 1234 5678", "0086-13812345678", "010-12345678", "(0755)1234567",
          "0755 12345678-123", "075512345678", "021-12345678转6", "01中中中", "12345"] + HOSTILE:
    put("field_mobile", b"\x01" + v.encode() + NOISE)
    put("field_mobile", b"\x00" + v.encode())
for v in ["2024-01-05", "2024/1/5", "2024.1.5", "2024年1月5日", "20240105", "２０２４－０１－０５",
          "2024-01-05T08:00:00Z", "2024-01-05 08:00", "2023-02-29", "0000-01-01", "9999-12-31",
          "1800-01-01", "2024-13-01", "2024-1"] + HOSTILE:
    put("field_date", v)
amounts = fixture("rmb_uppercase.txt", limit=30)
for v in amounts + ["1,234.56", "￥1,234.56元", "RMB 100", "人民币100万元", "-5", "+5", "1.005",
                    "123456789012345678901234567890", "1000000000000", "1000000000000.01",
                    "12.3456万", "NaN", "Infinity", "1e5", ".5", "5.", "0.00", "-0"] + HOSTILE:
    for flags in (0, 1, 3):
        put("money_amount", bytes([flags]) + v.encode())
for fen in (0, 1, 10, 100, 10_100, 1_640_902, 99_999_999_999_999, 10_700_053):
    put("money_amount", struct.pack("<Q", fen))
uppers = fixture("rmb_uppercase.txt", col=1, limit=30)
for u, a in zip(uppers, amounts):
    put("money_uppercase", u.encode() + b"\x00" + a.encode())
for u in ["人民币：壹佰零壹圆正", "拾伍元", "壹拾万柒仟元整", "壹万亿元整", "壹佰壹仟元", "一百元整",
          "零元伍角整", "壹仟玖元整", "壹亿零万元整", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"]:
    put("money_uppercase", u.encode() + b"\x00" + b"101")
    put("money_uppercase", u)

def doc(items, **extra):
    d = {"version": "t1", "issuer": "测试", "items": items}
    d.update(extra)
    return json.dumps(d, ensure_ascii=False)

county = json.load(open(os.path.join(ROOT, "data", "catalogues", "county_example_2023.json"), encoding="utf-8"))
items = [
    {"code": "01", "name": "公共服务", "level": 1},
    {"code": "0106", "name": "生态保护和环境治理服务", "parent": "01", "pinmu": ["C07000000"]},
    {"code": "010601", "name": "城乡环境综合整治", "parent": "0106", "keywords": ["环境治理"]},
    {"code": "01060101", "name": "镇、村垃圾清运", "parent": "010601", "aliases": ["垃圾清运"],
     "requirements": [{"kind": "道路运输经营许可证", "minGrade": "三级", "issuer": "交通运输主管部门"}],
     "validFrom": "2023-01-01", "validTo": "2030-12-31"},
]
put("catalogue_load", doc(items))
put("catalogue_load", doc(items, note="说明", withdrawn=[{"code": "09", "name": "x", "issuer": "i", "version": "v"}]))
put("catalogue_load", doc([{"code": "01", "name": "a"}, {"code": "0101", "name": "b", "parent": "01"}]))
put("catalogue_load", doc([{"code": "a", "name": "a", "parent": "b"}, {"code": "b", "name": "b", "parent": "a"}]))
put("catalogue_load", doc([{"code": str(i), "name": "层" + str(i), "parent": str(i - 1) if i else None} for i in range(14)]))
put("catalogue_load", doc([{"code": "01", "name": "a", "level": 2}, {"code": "01", "name": "b"}]))
put("catalogue_load", json.dumps({"version": "x" * 201, "issuer": " ", "items": {}}))
put("catalogue_load", "[]")
put("catalogue_load", "{}")
overlay_path = os.path.join(ROOT, "data", "catalogues")
put("catalogue_overlay", json.dumps({"version": "2024", "issuer": "某县财政局", "note": "n",
    "add": [{"code": "0199", "name": "新增事项", "parent": "01"}],
    "rename": [{"code": "0106", "name": "改名", "aliases": ["旧名"]}],
    "withdraw": [{"code": "010601", "reason": "撤销"}],
    "require": [{"code": "0106", "requirements": [{"kind": "资质", "minGrade": "乙级"}]}]}, ensure_ascii=False))
put("catalogue_overlay", json.dumps({"version": " 2024 ", "issuer": "某县 ", "add": [{"code": "01", "name": "dup"}]}, ensure_ascii=False))
put("catalogue_overlay", json.dumps({"version": "v" * 200, "issuer": "i", "note": "n" * 2000}))
put("catalogue_overlay", json.dumps({"version": "v", "issuer": "i", "withdraw": [{"code": "nope"}], "rename": [{}], "require": [{"code": "01"}]}))
csv_text = open(os.path.join(ROOT, "tests", "fixtures", "catalogue", "county.csv"), encoding="utf-8").read()
put("catalogue_csv", csv_text)
put("catalogue_csv", open(os.path.join(ROOT, "tests", "fixtures", "catalogue", "county_errors.csv"), encoding="utf-8").read())
put("catalogue_csv", "代码,名称,上级代码,资质要求\r\n01,\"a, \"\"b\"\"\",-,\"k>=三级@某部门；k2\"\r\n0101,c\nd,01,\r\n")
put("catalogue_csv", "code,name,parent\n\"01\"x,a,\n\"unterminated")
put("catalogue_csv", "code,name,parent,level\n01,a,,99999999999\n")
for q in ["ljqy", "垃圾清运", "lajiqingyun", "01", "0106", "鎮、村", "ＡＢＣ", "法律服务", "hj", "会计", "C13050200", "", "a" * 64 + "b"]:
    for limit, which in ((20, 0), (1, 1), (200, 2), (0, 0), (255, 1)):
        put("catalogue_search", bytes([limit, which]) + q.encode())
for p in [{"itemCode": "01060101", "title": "垃圾清运", "pinmu": ["C13050200"], "budget": {"amount": "120万", "secured": True},
           "contractTerm": {"start": "2026-01-01", "end": "2028-12-31"}, "stable": True},
          {"itemCode": "0106", "pinmu": "A02010100,C13050200", "budget": {"amount": 0}, "contractTerm": {"months": 48}},
          {"itemCode": "nope", "description": "劳务派遣 人员", "contractTerm": {"start": "2026-02-30"}},
          {}, [], "x", None]:
    put("screen_purchase", json.dumps(p, ensure_ascii=False))
scenarios = json.load(open(os.path.join(ROOT, "tests", "fixtures", "qualification", "scenarios.json"), encoding="utf-8"))
picked = scenarios[:: max(1, len(scenarios) // 20)]
for sc in picked:
    put("check_supplier", json.dumps(sc["application"], ensure_ascii=False))
    if sc.get("opts", {}).get("policy") is not None:
        put("supplier_policy", json.dumps(sc["opts"]["policy"], ensure_ascii=False))
put("check_supplier", json.dumps({"members": [{"name": "a"}, 5, {"members": []}], "x": 1}))
put("check_supplier", json.dumps({"members[18446744073709551615]": 1, "a]b[": 2, "": 3}))
put("check_supplier", "[]")
for name in ["package_three.json", "package_conflicts.json"]:
    pk = json.load(open(os.path.join(ROOT, "tests", "fixtures", "qualification", name), encoding="utf-8"))
    for apps in [pk] if isinstance(pk, list) else [p["applications"] for p in pk["packages"]]:
        put("check_package", json.dumps(apps, ensure_ascii=False))
put("check_package", json.dumps({"legalRepresentative": {"idNumber": "110105491231002"}}))
put("check_package", json.dumps([{"controllingShareholder": {"uscc": "-"}}, {"uscc": "-"}, 5, None, []]))
put("check_package", "[]")
for p in [{}, {"majorFineThreshold": "3000000", "lookbackYears": 5, "socialSecurityMonths": 12,
                "creditQueryMaxAgeDays": 0, "allowCommitments": False,
                "abnormalOperationSeverity": "error", "usccPilotAllowlist": ["91110000600037341X"]},
          {"majorFineThreshold": 1999999.99}, {"lookbackYears": 1.5}, {"lookbackYears": 1e308},
          {"nope": 1}, {"majorFineThreshold": "1e400"}, None, [], "x"]:
    put("supplier_policy", json.dumps(p))
for v in [None, True, 0, -0.0, 1e308, "91110000600037341L", "2024-02-29", "１２３４", [1, [2, [3]]],
          {"locale": "en", "label": "L", "path": "p.q", "required": False, "unit": "wan",
           "allowNegative": True, "allowLandline": True, "today": "2026-01-01", "limit": 5,
           "asOf": "2026-03-15", "itemCode": "011301"},
          {"locale": "xx"}, {"locale": 5}, {"catalogue": {}}, {"limit": 0}, {"limit": "5"},
          {"__proto__": {"x": 1}, "constructor": 1}]:
    put("api_values", json.dumps(v, ensure_ascii=False))
put("api_values", "[" * 70 + "]" * 70)
print("seeds written to", CORPUS)
