#!/usr/bin/env python3
"""Checks the fresh8 corpus: charset, parse, problem texts, stray mobiles/IDs."""
import json, os, re, sys, html
from html.parser import HTMLParser
D = os.path.dirname(os.path.abspath(__file__))
W=[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2];CK="10X98765432"
def valid_id(s):
    return len(s)==18 and s[:17].isdigit() and CK[sum(int(a)*w for a,w in zip(s[:17],W))%11]==s[17].upper()
VOID={'meta','br','img','input','link','hr','col','area','base','wbr','source'}
class P(HTMLParser):
    def __init__(s):
        super().__init__(convert_charrefs=True); s.t=[]; s.stack=[]; s.skip=0; s.err=[]
    def handle_starttag(s,tag,a):
        if tag in VOID: return
        s.stack.append(tag)
        if tag in ('script','style','title'): s.skip+=1
    def handle_endtag(s,tag):
        if tag in VOID: return
        if not s.stack or s.stack[-1]!=tag: s.err.append(f'mismatched </{tag}> (open: {s.stack[-3:]})'); 
        if tag in s.stack:
            while s.stack:
                x=s.stack.pop()
                if x in ('script','style','title'): s.skip-=1
                if x==tag: break
    def handle_data(s,d):
        if not s.skip: s.t.append(d)
def declared(b):
    m=re.search(rb'charset\s*=\s*"?([A-Za-z0-9_-]+)', b[:2048]); return m.group(1).decode().lower() if m else None
MOB=re.compile(r'(?<!\d)1[3-9]\d{9}(?!\d)'); IDR=re.compile(r'(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])')
truth=json.load(open(os.path.join(D,'truth.json'),encoding='utf-8'))
errs=[]; files=sorted(os.listdir(os.path.join(D,'pages')))
if [t['file'] for t in sorted(truth,key=lambda t:t['file'])]!=files: errs.append('truth/files mismatch')
src=[l.split() for l in open(os.path.join(D,'sources.txt')) if l.strip()]
if sorted(x[0] for x in src)!=files: errs.append('sources/files mismatch')
for t in truth:
    f=t['file']; b=open(os.path.join(D,'pages',f),'rb').read(); cs=declared(b)
    if not cs: errs.append(f'{f}: no charset'); continue
    try: txt=b.decode(cs)
    except UnicodeDecodeError as e: errs.append(f'{f}: does not decode as {cs}: {e}'); continue
    if cs!='utf-8':
        try: b.decode('utf-8'); errs.append(f'{f}: declared {cs} but is valid utf-8')
        except UnicodeDecodeError: pass
    p=P(); p.feed(txt); p.close()
    if p.err: errs.append(f'{f}: parse: {p.err[:3]}')
    if p.stack: errs.append(f'{f}: unclosed {p.stack}')
    vis=html.unescape(''.join(p.t))
    for k in ('file','url','city','type','attribute','expected_decision','problems','notes'):
        if k not in t: errs.append(f'{f}: missing {k}')
    if t['type'] not in ('penalty','publicity','notice','other'): errs.append(f'{f}: bad type')
    probs=t['problems']
    if t['expected_decision']=='approve' and probs: errs.append(f'{f}: approve with problems')
    if t['expected_decision']=='reject' and not (1<=len(probs)<=2): errs.append(f'{f}: reject needs 1-2 problems')
    for q in probs:
        if q['text'] not in vis: errs.append(f'{f}: problem text not visible: {q["text"]}')
        if not re.fullmatch(r'[a-z][a-z_]*',q['kind']): errs.append(f'{f}: bad kind {q["kind"]}')
    listed={q['text'] for q in probs}
    for m in MOB.findall(vis):
        if m not in listed: errs.append(f'{f}: unlisted 11-digit mobile-like number {m}')
    for m in IDR.findall(vis):
        if valid_id(m) and m not in listed: errs.append(f'{f}: unlisted check-valid 18-digit ID {m}')
    for q in probs:
        if q['kind']=='full_id_number' and not valid_id(q['text']): errs.append(f'{f}: listed ID not check-valid')
        if q['kind']=='private_mobile' and not MOB.fullmatch(q['text']): errs.append(f'{f}: listed mobile malformed')
print('\n'.join(errs) if errs else f'PASS: {len(truth)} pages, {sum(t["expected_decision"]=="approve" for t in truth)} approve, {sum(t["expected_decision"]=="reject" for t in truth)} reject')
sys.exit(1 if errs else 0)
