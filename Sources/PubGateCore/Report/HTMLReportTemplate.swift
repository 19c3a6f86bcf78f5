/// The Mustache template of ``HTMLReport``: inline CSS and a few lines of script for the filters,
/// so the page works opened from disk, offline, mailed as one file. `{{…}}` escapes HTML.
enum HTMLReportTemplate {
    static let page = #"""
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>pubgate 审查报告 {{asOf}}</title>
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
.decision-reject { color: #b3261e; font-weight: 600; } .decision-approve { color: #1e7b34; font-weight: 600; }
.sev { border-radius: 3px; padding: 0 .35rem; font-size: .8rem; color: #fff; }
.sev-block { background: #b3261e; } .sev-review { background: #c2570c; } .sev-fix { background: #a17a00; }
.sev-warn { background: #6b7280; } .sev-info { background: #9aa3b2; }
mark { background: #ffe08a; padding: 0 .1rem; }
.excerpt { font-family: monospace; color: #3a4252; }
.filters { display: flex; gap: 1rem; flex-wrap: wrap; margin: .5rem 0 1rem; font-size: .9rem; }
.filters select { font-size: .9rem; }
.group { border-left: 4px solid #c2570c; padding: .3rem .8rem; margin: .6rem 0; background: #fff8f1; }
.details { color: #5b6475; font-size: .85rem; }
.hidden { display: none; }
</style>
</head>
<body>
<h1>pubgate 发布前审查报告</h1>
<div class="meta">审查日期 {{asOf}} · pubgate {{version}} · 报告中的身份证号、手机号等已脱敏</div>
<div class="cards" id="summary">
  <div class="card"><b>{{summary.documents}}</b>文档</div>
  <div class="card approve"><b>{{summary.approved}}</b>通过（待人工签发）</div>
  <div class="card reject"><b>{{summary.rejected}}</b>退回</div>
  <div class="card"><b>{{summary.findings}}</b>发现</div>
  <div class="card"><b>{{summary.unscannable}}</b>无法读取</div>
</div>
<div class="filters">
  <label>结论 <select id="f-decision"><option value="">全部</option><option value="reject">退回</option><option value="approve">通过</option></select></label>
  <label>类型 <select id="f-kind"><option value="">全部</option>{{#kinds}}<option value="{{kind}}">{{kind}} ({{count}})</option>{{/kinds}}</select></label>
  <label>严重度 <select id="f-severity"><option value="">全部</option>{{#severities}}<option value="{{severity}}">{{severity}}</option>{{/severities}}</select></label>
</div>
{{#hasGroups}}
<h2>跨文档汇聚风险</h2>
{{#groups}}
<div class="group" id="{{id}}">
  <div><span class="sev sev-{{severity}}">{{severity}}</span> <b>{{rule}}</b> {{kind}} — {{message}}</div>
  <ul>{{#documents}}<li><a href="#{{anchor}}">{{path}}</a>: {{contribution}}</li>{{/documents}}{{#corpus}}<li>已发布: {{path}}</li>{{/corpus}}</ul>
  {{#details}}<div class="details">{{line}}</div>{{/details}}
</div>
{{/groups}}
{{/hasGroups}}
<h2>文档</h2>
<table id="documents">
<thead><tr><th>文档</th><th>结论</th><th>处理</th><th>类型</th><th>公开属性</th><th>发现</th></tr></thead>
<tbody>
{{#documents}}
<tr class="doc" id="{{anchor}}" data-decision="{{decision}}">
  <td><b>{{path}}</b><br><span class="meta">{{title}}</span>{{#groups}} <a href="#{{id}}">[{{rule}}]</a>{{/groups}}</td>
  <td class="decision-{{decision}}">{{decision}}</td><td>{{disposition}}</td><td>{{docType}}</td><td>{{attribute}}</td><td>{{count}}</td>
</tr>
{{#findings}}
<tr class="finding" data-decision="{{decision}}" data-kind="{{kind}}" data-severity="{{severity}}">
  <td colspan="6">&nbsp;&nbsp;<span class="sev sev-{{severity}}">{{severity}}</span> {{line}} <b>{{rule}}</b> ({{kind}}) {{message}}
  {{#hasExcerpt}}<div class="excerpt">{{before}}<mark>{{match}}</mark>{{after}}</div>{{/hasExcerpt}}</td>
</tr>
{{/findings}}
{{/documents}}
</tbody>
</table>
<script>
(function () {
  var ids = ["f-decision", "f-kind", "f-severity"];
  function apply() {
    var d = document.getElementById("f-decision").value, k = document.getElementById("f-kind").value, s = document.getElementById("f-severity").value;
    document.querySelectorAll("tr.doc").forEach(function (row) { row.classList.toggle("hidden", d !== "" && row.dataset.decision !== d); });
    document.querySelectorAll("tr.finding").forEach(function (row) {
      var show = (d === "" || row.dataset.decision === d) && (k === "" || row.dataset.kind === k) && (s === "" || row.dataset.severity === s);
      row.classList.toggle("hidden", !show);
    });
  }
  ids.forEach(function (id) { document.getElementById(id).addEventListener("change", apply); });
})();
</script>
</body>
</html>
"""#
}
