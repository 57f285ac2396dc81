// The portal's own script, as pages like this have had it for years (ES3 style, no framework).
// It knows nothing of procurement-precheck: it "sends" the form (here it only says it would) and
// adds rows to the penalty table. Loaded as a classic script; under the page's CSP nothing inline.
window.onload = function () {
  var form = document.forms['gysForm'];
  var status = document.getElementById('tjzt');
  form.onsubmit = function () {
    status.innerHTML = '<font color="#008000"><b>提交成功！</b>（演示页面：数据没有发送到任何地方）</font>';
    return false;
  };
  form.onreset = function () {
    status.innerHTML = '';
  };
  document.getElementById('addRow').onclick = function () {
    var table = document.getElementById('cfjl');
    var n = table.rows.length; // the header row counts: row n is penalty n
    var row = table.rows[1].cloneNode(true);
    row.cells[0].innerHTML = String(n);
    var fields = row.getElementsByTagName('*');
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      if (f.name) { f.name = f.name.replace(/\d+$/, String(n)); f.value = f.tagName === 'SELECT' ? f.options[0].value : ''; }
    }
    table.tBodies[0].appendChild(row);
  };
};
