/// The Mustache template of ``HTMLReport``: inline CSS (screen and print) and the script that pages
/// through the documents, so the page works opened from disk, offline, mailed as one file. `{{…}}`
/// escapes HTML; `{{{data}}}` is the JSON ``HTMLReport/ReportData`` made safe for a script element.
///
/// The script builds rows with `textContent`, never markup from the data, one page at a time; it
/// records how long its first page took in `data-render-ms` on the root element (what
/// `Scripts/bench-report.sh` reads back from headless Chromium).
enum HTMLReportTemplate {
    static let page = #"""
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{t.title}}</title>
        <style>
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 1.5rem; color: #1d2330; }
        h1 { font-size: 1.4rem; margin: 0 0 .3rem; } h2 { font-size: 1.1rem; margin-top: 1.6rem; }
        .meta { color: #5b6475; font-size: .9rem; }
        .cards { display: flex; gap: .8rem; margin: 1rem 0; flex-wrap: wrap; }
        .card { border: 1px solid #d6dbe4; border-radius: 6px; padding: .6rem 1rem; min-width: 7rem; }
        .card b { display: block; font-size: 1.5rem; }
        .card.reject b { color: #b3261e; } .card.approve b { color: #1e7b34; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; }
        th, td { border-bottom: 1px solid #e3e7ee; padding: .35rem .5rem; text-align: left; vertical-align: top; }
        th { background: #f3f5f9; position: sticky; top: 0; }
        .decision-1 { color: #b3261e; font-weight: 600; } .decision-0 { color: #1e7b34; font-weight: 600; }
        tr.doc td + td { white-space: nowrap; }
        .sev { border-radius: 3px; padding: 0 .35rem; font-size: .8rem; color: #fff; white-space: nowrap; }
        .sev-0 { background: #b3261e; } .sev-1 { background: #c2570c; } .sev-2 { background: #a17a00; }
        .sev-3 { background: #6b7280; } .sev-4 { background: #9aa3b2; }
        .sev-block { background: #b3261e; } .sev-review { background: #c2570c; } .sev-fix { background: #a17a00; }
        .sev-warn { background: #6b7280; } .sev-info { background: #9aa3b2; }
        mark { background: #ffe08a; padding: 0 .1rem; }
        .excerpt { font-family: monospace; color: #3a4252; }
        .remedy { color: #5b6475; font-size: .85rem; }
        .finding td { padding-left: 1.6rem; }
        .filters, .pager { display: flex; gap: 1rem; flex-wrap: wrap; align-items: center; margin: .5rem 0 1rem; font-size: .9rem; }
        .filters select, .filters input, .pager button, .pager select { font-size: .9rem; }
        .group { border-left: 4px solid #c2570c; padding: .3rem .8rem; margin: .6rem 0; background: #fff8f1; }
        .details { color: #5b6475; font-size: .85rem; }
        .print-only { display: none; }
        .signoff { margin-top: 2rem; border: 1px solid #d6dbe4; border-radius: 6px; padding: .8rem 1.2rem; max-width: 48rem; }
        .signoff p { margin: .4rem 0; }
        .signoff .opinion { height: 4.5rem; border-bottom: 1px solid #1d2330; margin-bottom: 1rem; }
        .signoff .lines { display: flex; gap: 1.5rem; flex-wrap: wrap; }
        .signoff .lines span { flex: 1; min-width: 12rem; white-space: nowrap; }
        .signoff .lines i { display: inline-block; width: 9rem; border-bottom: 1px solid #1d2330; height: 1.2rem; vertical-align: bottom; }
        @media print {
          @page { size: A4; margin: 15mm 12mm; }
          body { margin: 0; font-size: 10pt; color: #000; }
          .filters, .pager, .no-print { display: none !important; }
          .print-only { display: block; }
          th { position: static; background: none; border-bottom: 1px solid #000; }
          tr { break-inside: avoid; }
          .card { border-color: #888; padding: .3rem .6rem; }
          .sev { color: #000; background: none !important; border: 1px solid #000; }
          mark { background: none; border-bottom: 2px solid #000; }
          a { color: inherit; text-decoration: none; }
          .group { background: none; border-left-color: #000; }
          .signoff { break-inside: avoid; border-color: #000; max-width: none; }
        }
        </style>
        </head>
        <body>
        <h1>{{t.heading}}</h1>
        <div class="meta">{{t.meta}} · {{t.masked_note}}</div>
        <div class="cards" id="summary">
          <div class="card"><b>{{summary.documents}}</b>{{t.documents}}</div>
          <div class="card approve"><b>{{summary.approved}}</b>{{t.approved}}</div>
          <div class="card reject"><b>{{summary.rejected}}</b>{{t.rejected}}</div>
          <div class="card"><b>{{summary.findings}}</b>{{t.findings}}</div>
          <div class="card"><b>{{summary.unscannable}}</b>{{t.unscannable}}</div>
        </div>
        {{#hasGroups}}
        <h2>{{t.groups_heading}}</h2>
        {{#groups}}
        <div class="group" id="{{id}}">
          <div><span class="sev sev-{{severity}}">{{severityLabel}}</span> <b>{{rule}}</b> {{kind}} — {{message}}</div>
          <ul>{{#documents}}<li><a href="#{{anchor}}">{{path}}</a>: {{contribution}}</li>{{/documents}}{{#more}}<li>{{text}}</li>{{/more}}{{#corpus}}<li>{{t.published}}: {{path}}</li>{{/corpus}}</ul>
          {{#details}}<div class="details">{{line}}</div>{{/details}}
        </div>
        {{/groups}}
        {{/hasGroups}}
        <h2>{{t.documents_heading}}</h2>
        <div class="filters">
          <label>{{t.decision}} <select id="f-decision"><option value="">{{t.all}}</option><option value="1">{{t.rejected}}</option><option value="0">{{t.approved}}</option></select></label>
          <label>{{t.kind}} <select id="f-kind"><option value="">{{t.all}}</option></select></label>
          <label>{{t.severity}} <select id="f-severity"><option value="">{{t.all}}</option></select></label>
          <label>{{t.search}} <input id="f-search" type="search" size="24"></label>
          <label>{{t.sort}} <select id="f-sort"><option value="priority">{{t.sort_priority}}</option><option value="path">{{t.sort_path}}</option></select></label>
          <label>{{t.page_size}} <select id="f-size"><option>50</option><option>200</option><option>1000</option><option value="0">{{t.page_all}}</option></select></label>
          <button id="print" type="button">{{t.print}}</button>
        </div>
        <div class="pager" id="pager-top"></div>
        <p class="print-only" id="print-scope"></p>
        <table id="documents">
        <thead><tr><th>{{t.col_document}}</th><th>{{t.col_decision}}</th><th>{{t.col_disposition}}</th><th>{{t.col_type}}</th><th>{{t.col_attribute}}</th><th>{{t.col_findings}}</th></tr></thead>
        <tbody id="rows"><tr><td colspan="6"><noscript>{{t.no_script}}</noscript></td></tr></tbody>
        </table>
        <div class="pager" id="pager-bottom"></div>
        <p class="meta no-print">{{t.print_note}}</p>
        <section class="signoff" id="signoff">
          <h2>{{t.signoff_heading}}</h2>
          <p>{{t.signoff_scope}}</p>
          <p>{{t.signoff_opinion}}</p>
          <div class="opinion"></div>
          <div class="lines"><span>{{t.signoff_reviewer}} <i></i></span><span>{{t.signoff_date}} <i></i></span><span>{{t.signoff_signature}} <i></i></span></div>
        </section>
        <script type="application/json" id="report-data">{{{data}}}</script>
        <script>
        (function () {
          "use strict";
          var started = performance.now();
          var D = JSON.parse(document.getElementById("report-data").textContent);
          var S = D.strings, L = D.labels, docs = D.docs;
          var $ = function (id) { return document.getElementById(id); };
          function el(tag, cls, text) {
            var e = document.createElement(tag);
            if (cls) e.className = cls;
            if (text !== undefined && text !== null && text !== "") e.textContent = text;
            return e;
          }
          function fill(select, items) {
            items.forEach(function (it) { var o = el("option", null, it[1]); o.value = it[0]; select.appendChild(o); });
          }
          fill($("f-kind"), D.kinds.map(function (k) { return [k[0], k[1] + " (" + k[2] + ")"]; }));
          // Severity is a threshold: block only, review or stricter, … (the last, info, is everything).
          fill($("f-severity"), D.severities.slice(0, -1).map(function (s, i) { return [String(i), i ? L.at_least.replace("{severity}", s.label) : s.label]; }));
          var state = { page: 0, list: [] };
          function matches(f, kind, sev) {
            return (kind === "" || S[f[10]] === kind) && (sev === "" || f[0] <= +sev);
          }
          function select() {
            var dec = $("f-decision").value, kind = $("f-kind").value, sev = $("f-severity").value;
            var q = $("f-search").value.trim().toLowerCase();
            var list = [];
            for (var i = 0; i < docs.length; i++) {
              var d = docs[i];
              if (dec !== "" && d[2] !== +dec) continue;
              if (q && d[0].toLowerCase().indexOf(q) < 0 && d[1].toLowerCase().indexOf(q) < 0) continue;
              if (kind !== "" || sev !== "") {
                var any = false;
                for (var j = 0; j < d[7].length && !any; j++) any = matches(d[7][j], kind, sev);
                if (!any) continue;
              }
              list.push(i);
            }
            if ($("f-sort").value === "path") {
              list.sort(function (a, b) { return docs[a][0] < docs[b][0] ? -1 : docs[a][0] > docs[b][0] ? 1 : a - b; });
            } else {
              list.sort(function (a, b) { return (docs[b][2] - docs[a][2]) || (docs[a][3] - docs[b][3]) || (a - b); });
            }
            state.list = list;
          }
          function pageSize() { return +$("f-size").value || state.list.length || 1; }
          function pages() { return Math.max(1, Math.ceil(state.list.length / pageSize())); }
          function row(i) {
            var d = docs[i], kind = $("f-kind").value, sev = $("f-severity").value, frag = document.createDocumentFragment();
            var tr = el("tr", "doc"); tr.id = "d" + i;
            var td = el("td"); td.appendChild(el("b", null, d[0]));
            if (d[1]) { td.appendChild(el("br")); td.appendChild(el("span", "meta", d[1])); }
            d[6].forEach(function (g) { var a = el("a", null, " [" + (g + 1) + "]"); a.href = "#group-" + (g + 1); td.appendChild(a); });
            tr.appendChild(td);
            tr.appendChild(el("td", "decision-" + d[2], D.decisions[d[2]]));
            tr.appendChild(el("td", null, D.dispositions[d[3]]));
            tr.appendChild(el("td", null, d[4] >= 0 ? S[d[4]] : ""));
            tr.appendChild(el("td", null, d[5]));
            tr.appendChild(el("td", null, String(d[7].length)));
            frag.appendChild(tr);
            d[7].forEach(function (f) {
              if (!matches(f, kind, sev)) return;
              var ftr = el("tr", "finding"), c = el("td"); c.colSpan = 6;
              c.appendChild(el("span", "sev sev-" + f[0], D.severities[f[0]].label));
              c.appendChild(document.createTextNode(" " + (f[3] || L.document_level) + " "));
              c.appendChild(el("b", null, S[f[2]]));
              c.appendChild(document.createTextNode(" (" + S[f[1]] + ") " + S[f[4]] + (f[8] ? " «" + f[8] + "»" : "")));
              if (f[5] || f[6] || f[7]) {
                var x = el("div", "excerpt");
                x.appendChild(document.createTextNode(f[5])); x.appendChild(el("mark", null, f[6])); x.appendChild(document.createTextNode(f[7]));
                c.appendChild(x);
              }
              if (f[9] >= 0) c.appendChild(el("div", "remedy", L.remediation + S[f[9]]));
              ftr.appendChild(c);
              frag.appendChild(ftr);
            });
            return frag;
          }
          function pager(box) {
            box.textContent = "";
            var prev = el("button", null, L.previous), next = el("button", null, L.next);
            prev.type = next.type = "button";
            prev.disabled = state.page === 0; next.disabled = state.page >= pages() - 1;
            prev.onclick = function () { go(state.page - 1); };
            next.onclick = function () { go(state.page + 1); };
            var sel = el("select");
            for (var p = 0; p < pages(); p++) { var o = el("option", null, String(p + 1)); o.value = p; if (p === state.page) o.selected = true; sel.appendChild(o); }
            sel.onchange = function () { go(+sel.value); };
            box.appendChild(prev); box.appendChild(sel); box.appendChild(next);
            box.appendChild(el("span", "meta", L.page_of.replace("{page}", state.page + 1).replace("{pages}", pages()).replace("{count}", state.list.length)));
          }
          function render() {
            var body = $("rows"), size = pageSize(), start = state.page * size, frag = document.createDocumentFragment();
            var shown = state.list.slice(start, start + size);
            shown.forEach(function (i) { frag.appendChild(row(i)); });
            if (!shown.length) { var tr = el("tr"), td = el("td", "meta", L.none_match); td.colSpan = 6; tr.appendChild(td); frag.appendChild(tr); }
            body.textContent = "";
            body.appendChild(frag);
            pager($("pager-top")); pager($("pager-bottom"));
            $("print-scope").textContent = L.page_of.replace("{page}", state.page + 1).replace("{pages}", pages()).replace("{count}", state.list.length);
          }
          function go(p) { state.page = Math.max(0, Math.min(p, pages() - 1)); render(); }
          function refresh() { select(); state.page = 0; render(); }
          ["f-decision", "f-kind", "f-severity", "f-sort", "f-size"].forEach(function (id) { $(id).addEventListener("change", refresh); });
          var typing;
          $("f-search").addEventListener("input", function () { clearTimeout(typing); typing = setTimeout(refresh, 200); });
          $("print").addEventListener("click", function () { window.print(); });
          // A link from an aggregation group opens the page holding that document, whatever the filters.
          function reveal() {
            var m = /^#d(\d+)$/.exec(location.hash);
            if (!m || !docs[+m[1]]) return;
            var i = +m[1], at = state.list.indexOf(i);
            if (at < 0) { ["f-decision", "f-kind", "f-severity"].forEach(function (id) { $(id).value = ""; }); $("f-search").value = ""; select(); at = state.list.indexOf(i); }
            go(Math.floor(at / pageSize()));
            var target = $("d" + i);
            if (target) target.scrollIntoView();
          }
          window.addEventListener("hashchange", reveal);
          select();
          render();
          reveal();
          document.documentElement.setAttribute("data-render-ms", String(Math.round(performance.now() - started)));
        })();
        </script>
        </body>
        </html>
        """#
}
