// Draws each element marked data-chart (bar, line or pie) with Apache ECharts from the table named
// by its data-table: the row headers are the categories, each further column a series (data-columns
// picks columns by number). The table stays on the page, one click away, so the figures are readable
// without the chart and the chart needs no inline script (the Content-Security-Policy forbids one).
(function () {
  'use strict';

  function number(cell) {
    var raw = cell && cell.getAttribute('data-value');
    return raw === null || raw === undefined || raw === '' ? null : Number(raw);
  }

  function read(table, picked) {
    var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
      return th.textContent.trim();
    });
    var columns = picked.length ? picked : headers.slice(1).map(function (_, i) { return i + 1; });
    var labels = [];
    var series = columns.map(function (c) { return { name: headers[c], data: [] }; });
    table.querySelectorAll('tbody tr[data-row]').forEach(function (tr) {
      labels.push(tr.querySelector('th').textContent.trim());
      var cells = tr.querySelectorAll('td');
      columns.forEach(function (c, i) { series[i].data.push(number(cells[c - 1])); });
    });
    return { labels: labels, series: series };
  }

  function option(type, data) {
    if (type === 'pie') {
      return {
        // richText: a tooltip drawn on the canvas, not HTML with style attributes the CSP refuses
        tooltip: { trigger: 'item', renderMode: 'richText' },
        legend: { bottom: 0, type: 'scroll' },
        series: [{
          type: 'pie', radius: '60%', name: data.series[0].name,
          data: data.labels.map(function (label, i) { return { name: label, value: data.series[0].data[i] }; })
        }]
      };
    }
    return {
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: data.labels, axisLabel: { rotate: data.labels.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value' },
      series: data.series.map(function (s) {
        return { type: type, name: s.name, data: s.data, connectNulls: false };
      })
    };
  }

  function draw(element) {
    if (element.hasAttribute('data-points')) {
      return;
    }
    var table = document.getElementById(element.getAttribute('data-table'));
    if (!table || !window.echarts) {
      return;
    }
    var picked = (element.getAttribute('data-columns') || '').split(',').filter(Boolean).map(Number);
    var data = read(table, picked);
    var chart = window.echarts.init(element);
    chart.setOption(option(element.getAttribute('data-chart'), data));
    element.setAttribute('data-points', String(data.labels.length));
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function drawAll() {
    document.querySelectorAll('[data-chart]').forEach(draw);
  }

  document.addEventListener('DOMContentLoaded', drawAll);
  document.addEventListener('craftline:charts', drawAll);
})();

// Parts of a page that load after it (hx-trigger="load"): draw their charts once they are in, and
// say so in place of the spinner when the server refuses or fails.
document.addEventListener('htmx:afterSettle', function () {
  'use strict';
  document.dispatchEvent(new CustomEvent('craftline:charts'));
});
['htmx:responseError', 'htmx:sendError'].forEach(function (name) {
  document.addEventListener(name, function (event) {
    'use strict';
    var element = event.detail.elt;
    var message = element && element.getAttribute('data-error');
    if (message) {
      element.textContent = message;
      element.className = 'alert alert-danger';
      element.setAttribute('role', 'alert');
    }
  });
});
