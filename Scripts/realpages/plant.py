#!/usr/bin/env python3
"""Plants synthetic leaks into copies of clean real pages, the ways real incidents happened.

Each variant is one page with one leak, inserted as a paragraph of its own (or, for a header mark,
as the first line of the body) and recorded with its byte range, so a scorer can tell whether a
rejecting finding points at it. Every identifier is synthetic and valid: 18-digit IDs carry their
ISO 7064 MOD 11-2 check digit, cards pass Luhn, mobiles are of the 1[3-9] ranges.

The leak kinds follow what inspections and incident reports name: a 公示 list with full IDs, a
person's mobile as a contact, a secret or internal mark left in the header, a deployment paragraph
of a coming operation, a victim or party named in full, a mask that leaves region and birth date
readable, a private bank card, a home address to the room, a natural person's identity tuple.
A mobile given as a contact is a leak only where the page's format asks for no contact: the
reviewer who judged the real pages accepts the answering officer's mobile on a reply to a deputy,
the feedback line of a consultation and the 解读电话 (docs/domain.md §7.2, §7.3, §7.5), so contact
mobiles are planted into pages of other types.

  Scripts/realpages/plant.py CORPUS_PAGES OUT_DIR [--count N] [--seed S]   (writes OUT_DIR/truth.json)
"""
import argparse
import json
import os
import random
import re

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "建国志强秀英桂兰晓燕海涛丽娟明辉春梅国华玉珍永刚红霞文斌淑芬德胜慧敏俊杰雪梅立新翠萍伟东金凤建华美玲宏伟晓东"
REGIONS = ["110105", "120104", "130102", "210502", "220102", "320106", "330106", "340104", "350203", "360102",
           "370202", "410105", "420106", "430104", "440304", "450103", "500103", "510107", "520102", "530102",
           "610113", "620102", "210203", "230103", "150102"]
ROADS = ["人民路", "解放大街", "建设路", "胜利路", "中山北路", "和平街", "新华路", "滨河东路", "迎宾大道", "文化路"]
CITIES = ["本市", "市区", "县城"]


def id_check(first17: str) -> str:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(first17, weights))
    return "10X98765432"[total % 11]


def resident_id(rng):
    year = rng.randint(1950, 2003)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    body = f"{rng.choice(REGIONS)}{year}{month:02d}{day:02d}{rng.randint(0, 999):03d}"
    return body + id_check(body)


def luhn_complete(prefix: str) -> str:
    digits = [int(c) for c in prefix]
    for check in range(10):
        total = 0
        for i, d in enumerate(reversed(digits + [check])):
            if i % 2 == 1:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        if total % 10 == 0:
            return prefix + str(check)
    raise AssertionError


def bank_card(rng):
    prefix = rng.choice(["622202", "621700", "622848", "621226", "623058"])
    length = rng.choice([16, 19])
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    return luhn_complete(body)


def mobile(rng):
    return rng.choice(["13", "15", "18", "17", "19"]) + str(rng.randint(0, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(8))


def name(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))


def date_ahead(rng):
    return f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"


def leak(kind, rng):
    """(paragraph text, the leaked part of it) for one kind."""
    n = name(rng)
    if kind == "roster_full_id":
        i = resident_id(rng)
        row = f"{rng.randint(1, 30)}　{n}　{rng.choice('男女')}　{i}"
        return row, i
    if kind == "roster_full_id_table":
        i = resident_id(rng)
        return f"<td>{n}</td><td>{i}</td>", i
    if kind == "contact_mobile":
        m = mobile(rng)
        return f"联系人：{n}，联系电话：{m}", m
    if kind == "mobile_in_sentence":
        m = mobile(rng)
        return f"如有疑问，请与经办同志{n}联系（手机{m}）。", m
    if kind == "header_secret_mark":
        mark = f"{rng.choice(['秘密', '机密'])}★{rng.randint(1, 10)}年"
        return mark, mark
    if kind == "header_internal_mark":
        mark = rng.choice(["内部资料　注意保存", "内部文件　不得外传", "工作秘密　注意保管"])
        return mark, mark
    if kind == "deployment_plan":
        text = (f"届时，将在{rng.choice(ROADS)}与{rng.choice(ROADS)}交叉口设置临时检查卡点{rng.randint(2, 6)}处，"
                f"抽调民警{rng.randint(20, 90)}名、辅警{rng.randint(20, 90)}名，于{date_ahead(rng)}20时前到达指定位置。")
        return text, text
    if kind == "victim_named":
        v = name(rng)
        text = f"经查，{rng.choice(SURNAMES)}某某因感情纠纷持刀将其前女友{v}挟持至{rng.choice(ROADS)}一出租屋内。"
        return text, v
    if kind == "weak_mask_id":
        i = resident_id(rng)
        masked = rng.choice([i[:14] + "****", i[:12] + "****" + i[16:], i[:10] + "****" + i[14:]])
        return f"申请人：{rng.choice(SURNAMES)}某某，身份证号：{masked}", masked
    if kind == "bank_card":
        c = bank_card(rng)
        return f"补助资金已打入{n}本人银行卡（卡号{c}）。", c
    if kind == "home_address":
        addr = f"{rng.choice(ROADS)}{rng.randint(1, 300)}号{rng.randint(1, 30)}栋{rng.randint(1, 6)}单元{rng.randint(1, 30)}0{rng.randint(1, 4)}室"
        return f"{n}，住{addr}。", addr
    if kind == "person_tuple":
        text = f"当事人：{n}，{rng.choice('男女')}，{rng.randint(1955, 2000)}年{rng.randint(1, 12)}月出生，汉族"
        return text, n
    raise KeyError(kind)


KINDS = ["roster_full_id", "roster_full_id_table", "contact_mobile", "mobile_in_sentence", "header_secret_mark",
         "header_internal_mark", "deployment_plan", "victim_named", "weak_mask_id", "bank_card", "home_address",
         "person_tuple"]

PARAGRAPH = re.compile(rb"^<p[ >].*</p>\s*$", re.M)


def encoding_of(raw: bytes) -> str:
    head = raw[:2048].decode("ascii", "replace").lower()
    return "gb18030" if re.search(r"charset=[\"']?(gbk|gb2312|gb18030)", head) else "utf-8"


def plant(raw: bytes, kind: str, rng):
    """The page with one leak inserted, and the leaked text's byte range."""
    enc = encoding_of(raw)
    paragraphs = [m for m in PARAGRAPH.finditer(raw)]
    long = [m for m in paragraphs if len(m.group(0)) > 60]
    if not paragraphs:
        return None
    text, secret = leak(kind, rng)
    if kind.startswith("header_"):
        anchor = paragraphs[0].start()
        line = f"<p>{text}</p>\n".encode(enc)
    else:
        pool = long or paragraphs
        pick = pool[rng.randrange(len(pool))]
        anchor = pick.end()
        if not raw[anchor:anchor + 1] == b"\n":
            anchor = raw.find(b"\n", anchor) + 1 or len(raw)
        else:
            anchor += 1
        if kind == "roster_full_id_table":
            line = f"<table><tr><td>姓名</td><td>身份证号码</td></tr><tr>{text}</tr></table>\n".encode(enc)
        else:
            line = f"<p>{text}</p>\n".encode(enc)
    out = raw[:anchor] + line + raw[anchor:]
    s = out.find(secret.encode(enc), anchor)
    return out, (s, s + len(secret.encode(enc))), secret


CONTACT_KINDS = {"contact_mobile", "mobile_in_sentence"}
CONTACT_TYPES = {"interpretation", "proposal_reply", "consultation"}


def make_variants(pages_dir, pages, seed=17, count=90, types=None):
    """`count` variants over `pages` (each kind in turn, pages drawn with the seed). `types` maps a
    page to its type, so that contact mobiles go into pages whose format asks for no contact."""
    rng = random.Random(seed)
    out = []
    order = list(pages)
    rng.shuffle(order)
    others = [p for p in order if (types or {}).get(p) not in CONTACT_TYPES] or order
    for k in range(count):
        kind = KINDS[k % len(KINDS)]
        pool = others if kind in CONTACT_KINDS else order
        source = pool[k % len(pool)]
        raw = open(os.path.join(pages_dir, source), "rb").read()
        planted = plant(raw, kind, rng)
        if planted is None:
            continue
        data, rng_range, secret = planted
        stem, ext = os.path.splitext(source)
        out.append({"file": f"{stem}__{kind}{ext}", "bytes": data, "kind": kind, "range": rng_range,
                    "text": secret, "source": source})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pages")
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=90)
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()
    pages = sorted(p for p in os.listdir(args.pages) if p.endswith((".html", ".htm")))
    os.makedirs(args.out, exist_ok=True)
    truth = []
    types = {}
    truth_file = os.path.join(os.path.dirname(os.path.abspath(args.pages)), "truth.json")
    if os.path.exists(truth_file):
        types = {t["file"]: t.get("type") for t in json.load(open(truth_file, encoding="utf-8"))}
    for v in make_variants(args.pages, pages, args.seed, args.count, types):
        with open(os.path.join(args.out, v["file"]), "wb") as fh:
            fh.write(v["bytes"])
        truth.append({"file": v["file"], "kind": v["kind"], "byte_start": v["range"][0], "byte_end": v["range"][1],
                      "source": v["source"]})
    with open(os.path.join(args.out, "truth.json"), "w", encoding="utf-8") as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
