#!/usr/bin/env python3
"""Remakes the office, OFD and PDF files the ingest tests and the samples use.

Real tools make them, so pubgate is tested on what Word-compatible software writes:
python-docx and openpyxl (PyPI) plant comments, tracked changes, hidden text, hidden sheets, rows
and columns; LibreOffice (Debian libreoffice-writer-nogui, libreoffice-calc-nogui) converts flat
ODF sources into DOCX, ODT, ODS and PDF; poppler's pdftoppm renders the page the image-only PDF
carries. No tool on Debian writes OFD, so the OFD files are assembled from GB/T 33190-2016 XML.
The hostile archives (zip bomb, path traversal, ZIP encryption) come from zipfile and Info-ZIP.

Usage (from the repository root):
    pip install --target /tmp/pytools python-docx==1.2.0 openpyxl==3.1.5
    PYTHONPATH=/tmp/pytools python3 Scripts/make-ingest-fixtures.py

Every identity number and mobile below is invented (valid check digit, no real person).
Samples/expected/manifest.json holds the samples' sha256: re-record it afterwards
(PUBGATE_RECORD=1 swift test --filter samplesMatch).
"""

import datetime
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "Fixtures", "Ingest")
SAMPLES = os.path.join(ROOT, "Samples", "drafts")
FIXED = datetime.datetime(2025, 6, 1, 9, 0, 0)
WORK = tempfile.mkdtemp(prefix="pubgate-fixtures-")


def soffice(source, target_format, outdir):
    """Converts `source` with LibreOffice headless; returns the path of the result."""
    profile = "file://" + os.path.join(WORK, "lo-profile")
    subprocess.run(
        ["soffice", "-env:UserInstallation=" + profile, "--headless", "--convert-to", target_format,
         "--outdir", outdir, source],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    base = os.path.splitext(os.path.basename(source))[0]
    return os.path.join(outdir, base + "." + target_format.split(":")[0])


def fixed_core(doc):
    doc.core_properties.created = FIXED
    doc.core_properties.modified = FIXED


# ---------------------------------------------------------------- DOCX (python-docx)

def docx_deleted_id(path):
    """The only identity number sits in a tracked deletion (w:del/w:delText)."""
    doc = Document()
    fixed_core(doc)
    doc.core_properties.author = "办公室"
    doc.add_paragraph("关于见义勇为人员表彰情况的说明")
    p = doc.add_paragraph("经审核，表彰对象为王某某。")
    p._p.append(parse_xml(
        '<w:del %s w:id="1" w:author="审核人" w:date="2025-06-01T09:00:00Z">'
        '<w:r><w:delText>身份证号：110105199003071239</w:delText></w:r></w:del>' % nsdecls("w")))
    p._p.append(parse_xml(
        '<w:ins %s w:id="2" w:author="审核人" w:date="2025-06-01T09:00:00Z">'
        '<w:r><w:t>（身份信息已隐去）</w:t></w:r></w:ins>' % nsdecls("w")))
    doc.save(path)


def docx_comment_mobile(path):
    """A comment names a person's mobile; the body is clean."""
    doc = Document()
    fixed_core(doc)
    doc.core_properties.author = "办公室"
    doc.add_paragraph("关于调整夏季作息时间的通知")
    p = doc.add_paragraph("自7月1日起，机关上午上班时间调整为8时30分。")
    doc.add_comment(p.runs, text="请与王建国核实，手机13941478826", author="李明", initials="LM")
    doc.save(path)


def docx_header_secret(path):
    """密级 in the header, where a web reviewer never looks."""
    doc = Document()
    fixed_core(doc)
    doc.core_properties.author = "办公室"
    doc.sections[0].header.paragraphs[0].text = "秘密★1年"
    doc.sections[0].footer.paragraphs[0].text = "第1页"
    doc.add_paragraph("关于做好汛期值守工作的通知")
    doc.add_paragraph("各单位要落实汛期值守责任。")
    doc.save(path)


def docx_hidden_text(path):
    """Text formatted hidden (w:vanish) holds a mobile; custom property names a reviewer."""
    doc = Document()
    fixed_core(doc)
    doc.core_properties.author = "李明"
    doc.core_properties.last_modified_by = "王建国"
    doc.add_paragraph("关于开展安全检查的通知")
    p = doc.add_paragraph("请各单位于6月底前完成自查。")
    hidden = p.add_run("联系人手机13941478826")
    hidden.font.hidden = True
    doc.save(path)


# ---------------------------------------------------------------- ODF sources → DOCX / ODT / PDF (LibreOffice)

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
"""


def fodt_rich():
    """Every part a Word draft can hide text in: header, footer, table, footnote, text box,
    comment, tracked deletion, hidden text, custom property, a hyperlink's target."""
    return FODT_HEAD + """
 <office:meta><dc:creator>李明</dc:creator><meta:initial-creator>李明</meta:initial-creator>
  <dc:title>关于做好防汛值守工作的通知</dc:title>
  <meta:user-defined meta:name="审核人">王建国</meta:user-defined></office:meta>
 <office:styles>
  <style:style style:name="Standard" style:family="paragraph"/>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="Hid" style:family="text"><style:text-properties text:display="none"/></style:style>
  <style:style style:name="fr1" style:family="graphic"/>
  <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/>
   <style:header-style/><style:footer-style/></style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header><text:p>内部资料 注意保存</text:p></style:header>
   <style:footer><text:p>联系人：赵六 13812345678</text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
  <text:tracked-changes>
   <text:changed-region text:id="ct1"><text:deletion>
    <office:change-info><dc:creator>李明</dc:creator><dc:date>2025-06-01T09:00:00</dc:date></office:change-info>
    <text:p>身份证号210502198506120436</text:p>
   </text:deletion></text:changed-region>
  </text:tracked-changes>
  <text:p>关于做好防汛值守工作的通知</text:p>
  <text:p>各乡镇、街道：<text:change text:change-id="ct1"/>请落实值守责任。<office:annotation><dc:creator>王建国</dc:creator><dc:date>2025-06-01T10:00:00</dc:date><text:p>值班领导手机13987654321</text:p></office:annotation></text:p>
  <text:p>系统入口：<text:a xlink:type="simple" xlink:href="http://10.12.1.5/oa/login">值班系统</text:a></text:p>
  <text:p>值守人员见下表<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>备用电话13711112222</text:p></text:note-body></text:note>。</text:p>
  <table:table table:name="值守表"><table:table-column table:number-columns-repeated="2"/>
   <table:table-row><table:table-cell><text:p>姓名</text:p></table:table-cell><table:table-cell><text:p>身份证号</text:p></table:table-cell></table:table-row>
   <table:table-row><table:table-cell><text:p>张三</text:p></table:table-cell><table:table-cell><text:p>110105197209114565</text:p></table:table-cell></table:table-row>
  </table:table>
  <text:p><draw:frame draw:style-name="fr1" text:anchor-type="paragraph" svg:width="6cm" svg:height="2cm"><draw:text-box><text:p>车牌辽B12345</text:p></draw:text-box></draw:frame>请各单位遵照执行。<text:span text:style-name="Hid">备注：210302196611030029</text:span></text:p>
 </office:text></office:body>
</office:document>
"""


def fodt_text_pdf():
    """Two pages of text; the identity number is on page 2."""
    return FODT_HEAD + """
 <office:automatic-styles>
  <style:style style:name="P2" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
 </office:automatic-styles>
 <office:body><office:text>
  <text:p>关于公布2025年度困难群众救助名单的通知</text:p>
  <text:p>各社区：现将救助名单公布如下。</text:p>
  <text:p text:style-name="P2">附件：救助对象</text:p>
  <text:p>姓名：张三</text:p>
  <text:p>身份证号：210404199302183672</text:p>
 </office:text></office:body>
</office:document>
"""


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# ---------------------------------------------------------------- XLSX (openpyxl) → ODS (LibreOffice)

def xlsx_hidden_ids(path):
    """A 公示名单 whose visible sheet is masked while a hidden and a very hidden sheet, a hidden
    row and column, a comment and numbers keep the full data."""
    wb = Workbook()
    wb.properties.creator = "李明"
    wb.properties.lastModifiedBy = "王建国"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    ws = wb.active
    ws.title = "公示名单"
    ws.append(["序号", "姓名", "身份证号", "联系电话", "备注"])
    ws.append([1, "张*", "11**************39", "139****8826", "13941478826"])
    ws.append([2, "李明", "210502198506120436", "138****5678", ""])
    ws.column_dimensions["E"].hidden = True
    ws.row_dimensions[3].hidden = True
    ws["B2"].comment = Comment("原名王建国，手机13987654321", "李明")
    ws.oddHeader.center.text = "内部资料 注意保存"
    raw = wb.create_sheet("原始数据")
    raw.sheet_state = "hidden"
    raw.append(["姓名", "身份证号", "身份证号（数字）", "身份证号（科学计数）"])
    raw.append(["王建国", "110105197209114565", 210404199302183672, 1.10105199003071e17])
    backup = wb.create_sheet("备份")
    backup.sheet_state = "veryHidden"
    backup["A1"] = "210302196611030029"
    wb.defined_names.add(DefinedName("原始名单", attr_text="'原始数据'!$A$1:$D$2"))
    wb.save(path)


def xlsx_inline_strings(path):
    """Inline strings (t="inlineStr"), which some exporters write instead of shared strings;
    openpyxl and LibreOffice never do, so this small package is written by hand."""
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="导出" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>联系人</t></is></c><c r="B1" t="inlineStr"><is><r><t>手机1394</t></r><r><t>1478826</t></r></is></c></row><row r="2"><c r="A2"><v>110105199003071239</v></c></row></sheetData></worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(2025, 6, 1, 9, 0, 0)), text, zipfile.ZIP_DEFLATED)


# ---------------------------------------------------------------- OFD (GB/T 33190-2016 XML)

OFD_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def ofd(path, title, author, lines, annotation=None, attachment=None):
    """An OFD package: OFD.xml (DocInfo) → Doc_0/Document.xml → one page of TextObjects, with an
    optional annotation and an attached file. `lines` are (y_mm, text) in any order; reading
    order comes from their boundaries."""
    objects = []
    for n, (y, text) in enumerate(lines):
        objects.append(
            '<ofd:TextObject ID="%d" Boundary="25 %d 160 8" Font="2" Size="4.2">'
            '<ofd:TextCode X="0" Y="6">%s</ofd:TextCode></ofd:TextObject>' % (10 + n, y, text))
    document = ('<?xml version="1.0" encoding="UTF-8"?><ofd:Document %s><ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID>'
                '<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>'
                '<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>'
                '<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages>' % OFD_NS)
    if annotation:
        document += '<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations>'
    if attachment:
        document += '<ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments>'
    document += '</ofd:Document>'
    parts = {
        "OFD.xml": ('<?xml version="1.0" encoding="UTF-8"?><ofd:OFD %s Version="1.0" DocType="OFD"><ofd:DocBody>'
                    '<ofd:DocInfo><ofd:DocID>6a1c0e2b9f3d4e5f8a7b6c5d4e3f2a1b</ofd:DocID><ofd:Title>%s</ofd:Title>'
                    '<ofd:Author>%s</ofd:Author><ofd:Creator>pubgate fixtures</ofd:Creator>'
                    '<ofd:CreationDate>2025-06-01</ofd:CreationDate></ofd:DocInfo>'
                    '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>' % (OFD_NS, title, author)),
        "Doc_0/Document.xml": document,
        "Doc_0/PublicRes.xml": ('<?xml version="1.0" encoding="UTF-8"?><ofd:Res %s BaseLoc="Res"><ofd:Fonts>'
                                '<ofd:Font ID="2" FontName="SimSun"/></ofd:Fonts></ofd:Res>' % OFD_NS),
        "Doc_0/Pages/Page_0/Content.xml": ('<?xml version="1.0" encoding="UTF-8"?><ofd:Page %s><ofd:Content>'
                                           '<ofd:Layer ID="3">%s</ofd:Layer></ofd:Content></ofd:Page>' % (OFD_NS, "".join(objects))),
    }
    if annotation:
        parts["Doc_0/Annots/Annotations.xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?><ofd:Annotations %s><ofd:Page PageID="1">'
            '<ofd:FileLoc>Page_0/Annotation.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>' % OFD_NS)
        parts["Doc_0/Annots/Page_0/Annotation.xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?><ofd:PageAnnot %s><ofd:Annot ID="50" Type="Highlight" Creator="王建国">'
            '<ofd:Remark>%s</ofd:Remark><ofd:Appearance Boundary="25 100 160 8"><ofd:TextObject ID="51" Boundary="0 0 160 8" Font="2" Size="4">'
            '<ofd:TextCode X="0" Y="6">审阅意见</ofd:TextCode></ofd:TextObject></ofd:Appearance></ofd:Annot></ofd:PageAnnot>' % (OFD_NS, annotation))
    if attachment:
        name, data = attachment
        parts["Doc_0/Attachs/Attachments.xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?><ofd:Attachments %s><ofd:Attachment ID="60" Name="%s" Format="xlsx" '
            'CreationDate="2025-06-01" Size="%d" Visible="true"><ofd:FileLoc>%s</ofd:FileLoc></ofd:Attachment></ofd:Attachments>'
            % (OFD_NS, os.path.splitext(name)[0], len(data), name))
        parts["Doc_0/Attachs/" + name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in parts.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(2025, 6, 1, 9, 0, 0)), content, zipfile.ZIP_DEFLATED)


# ---------------------------------------------------------------- PDF without a text layer

def image_only_pdf(source_pdf, path):
    """Page 1 of `source_pdf` rendered by pdftoppm to grey pixels and wrapped in a PDF with no text
    layer, as a scanner would produce it."""
    prefix = os.path.join(WORK, "scan")
    subprocess.run(["pdftoppm", "-gray", "-r", "50", "-f", "1", "-l", "1", source_pdf, prefix], check=True, timeout=60)
    pgm = [f for f in os.listdir(WORK) if f.startswith("scan") and f.endswith(".pgm")][0]
    with open(os.path.join(WORK, pgm), "rb") as f:
        raw = f.read()
    fields = raw.split(None, 4)  # P5 width height maxval pixels
    width, height = int(fields[1]), int(fields[2])
    pixels = fields[4][-width * height:]
    image = zlib.compress(pixels, 9)
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Filter /FlateDecode /Length %d >>\nstream\n" % (width, height, len(image)) + image + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Producer (pubgate fixtures: scanned page) >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    with open(path, "wb") as f:
        f.write(out.getvalue())


# ---------------------------------------------------------------- hostile archives

def zip_bomb(path):
    """A DOCX-shaped archive whose document part inflates to 128 MiB of spaces (about 130 KB
    on disk; ratio above 1000:1)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        info = zipfile.ZipInfo("word/document.xml", date_time=(2025, 6, 1, 9, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w") as entry:
            chunk = b" " * (1 << 20)
            for _ in range(128):
                entry.write(chunk)


def zip_traversal(path):
    """A DOCX-shaped archive with entries that climb out of any folder they are extracted to."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>')
        z.writestr("../../../../tmp/pubgate-traversal-canary.txt", "written outside")
        z.writestr("/tmp/pubgate-absolute-canary.txt", "written outside")


def zip_encrypted(source_docx, path):
    """The same DOCX with its entries encrypted by Info-ZIP (`zip -P`)."""
    folder = os.path.join(WORK, "enc")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    with zipfile.ZipFile(source_docx) as z:
        z.extractall(folder)
    if os.path.exists(path):
        os.remove(path)
    subprocess.run(["zip", "-q", "-r", "-X", "-P", "secret", os.path.abspath(path), "."], cwd=folder, check=True)


# ---------------------------------------------------------------- main

def main():
    os.makedirs(FIXTURES, exist_ok=True)
    f = lambda name: os.path.join(FIXTURES, name)
    docx_deleted_id(f("word-deleted-id.docx"))
    docx_comment_mobile(f("word-comment-mobile.docx"))
    docx_header_secret(f("word-header-secret.docx"))
    docx_hidden_text(f("word-hidden-text.docx"))

    write(os.path.join(WORK, "word-rich.fodt"), fodt_rich())
    for fmt in ["docx:MS Word 2007 XML", "odt"]:
        out = soffice(os.path.join(WORK, "word-rich.fodt"), fmt, WORK)
        shutil.copy(out, f(os.path.basename(out)))
    write(os.path.join(WORK, "text-id.fodt"), fodt_text_pdf())
    pdf = soffice(os.path.join(WORK, "text-id.fodt"), "pdf", WORK)
    shutil.copy(pdf, f("text-id.pdf"))
    image_only_pdf(pdf, f("scanned.pdf"))

    xlsx_hidden_ids(f("sheet-hidden-ids.xlsx"))
    ods = soffice(f("sheet-hidden-ids.xlsx"), "ods", WORK)
    shutil.copy(ods, f("sheet-hidden-ids.ods"))
    xlsx_inline_strings(f("sheet-inline.xlsx"))

    with open(f("sheet-hidden-ids.xlsx"), "rb") as x:
        attached = x.read()
    ofd(f("notice-id.ofd"), "关于公布救助名单的通知", "李明",
        [(60, "身份证号：210502198506120436"), (30, "关于公布救助名单的通知"), (45, "各社区：现将名单公布如下。")],
        annotation="请核实：王建国 13987654321", attachment=("名单.xlsx", attached))

    zip_bomb(f("bomb.docx"))
    zip_traversal(f("traversal.docx"))
    zip_encrypted(f("word-comment-mobile.docx"), f("encrypted.docx"))

    # Samples: one realistic draft of each kind, and a page that links its attachment.
    s = lambda name: os.path.join(SAMPLES, name)
    sample_docx(s("2025-commendation-draft.docx"))
    xlsx_hidden_ids(s("2025-relief-list.xlsx"))
    write(s("2025-relief-list-notice.html"), RELIEF_PAGE)
    ofd(s("2025-flood-duty-notice.ofd"), "关于做好汛期值班工作的通知", "李明",
        [(30, "关于做好汛期值班工作的通知"), (45, "各乡镇、街道："),
         (55, "请严格执行24小时值班制度，值班电话：024-42171135。"), (65, "带班领导：赵六，手机13812345678。")])
    write(os.path.join(WORK, "minutes.fodt"), fodt_minutes())
    shutil.copy(soffice(os.path.join(WORK, "minutes.fodt"), "pdf", WORK), s("2025-road-works-minutes.pdf"))
    image_only_pdf(s("2025-road-works-minutes.pdf"), s("2025-scanned-approval.pdf"))
    shutil.rmtree(WORK, ignore_errors=True)


def sample_docx(path):
    """A 表彰 draft as it arrives from a department: clean body, a reviewer's comment with a
    mobile, a tracked deletion of an identity number, and the drafter in the properties."""
    doc = Document()
    fixed_core(doc)
    doc.core_properties.author = "李明"
    doc.core_properties.last_modified_by = "王建国"
    doc.sections[0].header.paragraphs[0].text = "征求意见稿"
    doc.add_paragraph("关于表彰2025年度见义勇为先进个人的决定")
    doc.add_paragraph("各乡镇人民政府、街道办事处：")
    p = doc.add_paragraph("张某某同志在抢险中表现突出，")
    p._p.append(parse_xml(
        '<w:del %s w:id="1" w:author="王建国" w:date="2025-06-01T09:00:00Z">'
        '<w:r><w:delText>（身份证号110105197209114565）</w:delText></w:r></w:del>' % nsdecls("w")))
    p.add_run("决定予以表彰。")
    doc.add_comment(p.runs, text="请李明补充联系方式：13987654321", author="王建国", initials="WJG")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "姓名"
    table.cell(0, 1).text = "单位"
    table.cell(1, 0).text = "张某某"
    table.cell(1, 1).text = "城关街道"
    doc.add_paragraph("（此件公开发布）")
    doc.save(path)


RELIEF_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>关于2025年度困难群众救助名单的公示</title></head>
<body>
<h1>关于2025年度困难群众救助名单的公示</h1>
<p>现将2025年度困难群众救助名单予以公示，公示期为7个工作日。</p>
<p>公开方式：主动公开</p>
<p>附件：<a href="2025-relief-list.xlsx">2025年度困难群众救助名单.xlsx</a></p>
</body></html>
"""


def fodt_minutes():
    return FODT_HEAD + """
 <office:automatic-styles>
  <style:style style:name="P2" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
 </office:automatic-styles>
 <office:body><office:text>
  <text:p>道路施工协调会会议纪要</text:p>
  <text:p>6月10日，区住建局组织召开道路施工协调会。</text:p>
  <text:p>会议议定：施工期间设置临时便道。</text:p>
  <text:p text:style-name="P2">参会人员联系方式</text:p>
  <text:p>施工方负责人：钱七，身份证号210302196611030029</text:p>
 </office:text></office:body>
</office:document>
"""


if __name__ == "__main__":
    sys.exit(main())
