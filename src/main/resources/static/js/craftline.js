// Asks for confirmation before a form marked data-confirm is submitted (deletions).
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
// htmx requests carry the CSRF token of the page.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
// An upload over the server's limit answers 413 with the page naming the limit: show it, as htmx
// drops error responses by default.
document.addEventListener('htmx:beforeSwap', function (event) {
  if (event.detail.xhr.status === 413) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
// Upload progress of an import: htmx reports the bytes sent.
document.addEventListener('htmx:xhr:progress', function (event) {
  var bar = event.target.querySelector && event.target.querySelector('.upload-progress');
  if (bar && event.detail.lengthComputable) {
    bar.hidden = false;
    bar.value = Math.round(event.detail.loaded * 100 / event.detail.total);
  }
});
// On a phone a table row shows as a card: each cell carries its column's header as data-label.
function labelCells(root) {
  (root.querySelectorAll ? root : document).querySelectorAll('table.table').forEach(function (table) {
    var headers = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
      return th.textContent.trim();
    });
    if (!headers.length) {
      return;
    }
    table.querySelectorAll('tbody > tr, tfoot > tr').forEach(function (row) {
      var column = 0;
      Array.prototype.forEach.call(row.children, function (cell) {
        if (headers[column] && !cell.hasAttribute('data-label') && !cell.hasAttribute('colspan')) {
          cell.setAttribute('data-label', headers[column]);
        }
        column += cell.colSpan || 1;
      });
    });
  });
}
document.addEventListener('DOMContentLoaded', function () { labelCells(document); });
document.addEventListener('htmx:afterSwap', function (event) { labelCells(event.target); });
// A form marked data-busy says that the server is working once it is sent (a long verification).
document.addEventListener('submit', function (event) {
  var form = event.target;
  var busy = form.getAttribute('data-busy');
  var button = form.querySelector('button[type="submit"]');
  if (busy && button && !event.defaultPrevented) {
    var spinner = document.createElement('span');
    spinner.className = 'spinner-border spinner-border-sm me-2';
    spinner.setAttribute('aria-hidden', 'true');
    button.disabled = true;
    button.textContent = busy;
    button.prepend(spinner);
    form.setAttribute('aria-busy', 'true');
  }
});
