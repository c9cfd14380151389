/*
 * The Documents page's live progress, driven by the organization's event stream
 * (/console/stream/documents): each "progress" event moves its row's status and bar; a document
 * that finishes, or one the table does not show yet, reloads the table once (refreshDocuments, a
 * p:remoteCommand). The browser reconnects by itself after a network error.
 */
(function () {
    var holder = document.querySelector('.documents-progress');
    if (!holder || !window.EventSource) {
        return;
    }
    var pending = null;
    function reload() {
        if (pending === null) {
            pending = setTimeout(function () {
                pending = null;
                window.refreshDocuments();
            }, 300);
        }
    }
    var source = new EventSource(holder.getAttribute('data-url'));
    source.addEventListener('progress', function (event) {
        var p = JSON.parse(event.data);
        var cell = document.querySelector('[data-document="' + p.document + '"]');
        if (!cell || p.status === 'ready' || p.status === 'failed') {
            reload();
            return;
        }
        var status = cell.querySelector('.status');
        if (status) {
            status.textContent = p.status;
        }
        var percent = p.pagesTotal ? Math.floor(p.pagesDone * 100 / p.pagesTotal) : 0;
        var bar = cell.querySelector('.ui-progressbar-value');
        var label = cell.querySelector('.ui-progressbar-label');
        if (bar) {
            bar.style.display = 'block';
            bar.style.width = percent + '%';
        }
        if (label) {
            label.style.display = 'block';
            label.textContent = percent + '%';
        }
        cell.setAttribute('data-pages', p.pagesTotal ? p.pagesDone + ' of ' + p.pagesTotal : '');
    });
    window.addEventListener('pagehide', function () {
        source.close();
    });
})();
