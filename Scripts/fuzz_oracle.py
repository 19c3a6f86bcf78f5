#!/usr/bin/env python3
"""Independent reader for the fuzz run: for each approved mutant, says whether the file can be read
in full by other tools (Python's zipfile with every CRC and XML part checked, poppler without a
complaint, a strict decode in the encoding pubgate reported). pubgate must never approve a file
that one of them finds damaged. Usage: fuzz_oracle.py MANIFEST; prints `UNREAD path: why` lines."""
import json, subprocess, sys, zipfile, xml.parsers.expat

def xml_ok(data):
    p = xml.parsers.expat.ParserCreate()
    try:
        p.Parse(data, True)
        return True
    except xml.parsers.expat.ExpatError:
        return False

def damage(path, encoding):
    with open(path, 'rb') as f:
        data = f.read()
    if data.startswith(b'PK\x03\x04'):
        try:
            with zipfile.ZipFile(path) as z:
                bad = z.testzip()
                if bad:
                    return 'zipfile: bad CRC in ' + bad
                for info in z.infolist():
                    if info.filename.endswith(('.xml', '.rels')) and not xml_ok(z.read(info)):
                        return 'expat: ' + info.filename + ' is not well-formed'
        except Exception as e:
            return 'zipfile: ' + str(e)
        return None
    if data.startswith(b'%PDF-'):
        r = subprocess.run(['pdftotext', path, '-'], capture_output=True)
        if r.returncode != 0 or r.stderr.strip():
            return 'poppler: ' + r.stderr.decode('utf-8', 'replace').strip().split('\n')[0]
        return None
    codec = {'utf-8': 'utf-8', 'utf-8-bom': 'utf-8-sig', 'utf-16le': 'utf-16', 'utf-16be': 'utf-16', 'gb18030': 'gb18030'}.get(encoding)
    if codec is None:
        return 'approved without a text encoding'
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as e:
        return 'not valid ' + encoding + ': ' + str(e)
    if '\x00' in text:
        return 'NUL in the text'
    if path.endswith('.xml'):
        body = text.split('?>', 1)[1] if text.lstrip().startswith('<?xml') else text
        if not xml_ok(body.encode('utf-8')):
            return 'expat: not well-formed'
    return None

manifest = json.load(open(sys.argv[1]))
for d in manifest['documents']:
    if d['decision'] != 'approve':
        continue
    why = damage(d['path'], d.get('encoding'))
    if why:
        print('UNREAD %s: %s' % (d['path'], why))
