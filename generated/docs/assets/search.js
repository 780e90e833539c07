// Search over the generated index, and the data-script loader the console shares.
// Data files are <script>s calling KDOCS.put(key, value), so everything works from file://.
(function () {
  'use strict';
  var K = (window.KDOCS = window.KDOCS || {});
  var store = {};
  var waiting = {};
  K.put = function (key, value) {
    store[key] = value;
    var list = waiting[key] || [];
    delete waiting[key];
    list.forEach(function (f) { f[0](value); });
  };
  K.get = function (key) { return store[key]; };
  K.load = function (key, src) {
    if (Object.prototype.hasOwnProperty.call(store, key)) return Promise.resolve(store[key]);
    return new Promise(function (resolve, reject) {
      var first = !waiting[key];
      (waiting[key] = waiting[key] || []).push([resolve, reject]);
      if (!first) return;
      var s = document.createElement('script');
      s.src = src;
      s.async = true;
      s.onerror = function () {
        var list = waiting[key] || [];
        delete waiting[key];
        s.remove();
        list.forEach(function (f) { f[1](new Error('cannot load ' + src)); });
      };
      document.head.appendChild(s);
    });
  };

  var script = document.getElementById('kdocs-search-script');
  var root = (script && script.getAttribute('data-root')) || '';
  var shards = parseInt((script && script.getAttribute('data-shards')) || '0', 10);
  K.root = root;
  var KIND = { s: 'service', a: 'action', c: 'class', e: 'enum', p: 'property', r: 'error' };
  var KIND_ORDER = { a: 0, s: 1, c: 2, e: 3, r: 4, p: 5 };
  var index = null;

  function norm(text) { return text.toLowerCase().replace(/[^a-z0-9]/g, ''); }

  K.loadIndex = function () {
    if (index) return Promise.resolve(index);
    var parts = [];
    for (var i = 0; i < shards; i++) parts.push(K.load('search/' + i, root + 'data/search/' + i + '.js'));
    return Promise.all(parts).then(function (lists) {
      var all = [];
      lists.forEach(function (list) {
        list.forEach(function (e) {
          var key = norm(e[0]);
          var dot = e[0].lastIndexOf('.');
          all.push({ label: e[0], kind: e[1], href: e[2], key: key,
                     bare: key.replace(/^kaltura/, ''), tail: dot >= 0 ? norm(e[0].slice(dot + 1)) : '' });
        });
      });
      index = all;
      return all;
    });
  };

  // Lower is better: exact, prefix, word prefix, substring, then fuzzy (in-order letters).
  function score(e, q) {
    var k = e.key;
    if (k === q || e.bare === q) return 0;
    if (k.lastIndexOf(q, 0) === 0 || e.bare.lastIndexOf(q, 0) === 0) return 1 + (k.length - q.length) / 1000;
    if (e.tail && e.tail.lastIndexOf(q, 0) === 0) return 2 + (k.length - q.length) / 1000;
    var at = k.indexOf(q);
    if (at >= 0) return 3 + at / 100;
    var gaps = 0, j = 0, last = -1;
    for (var i = 0; i < k.length && j < q.length; i++) {
      if (k.charCodeAt(i) === q.charCodeAt(j)) { if (last >= 0) gaps += i - last - 1; last = i; j++; }
    }
    if (j < q.length || gaps > q.length * 3) return -1;
    return 4 + gaps / 10 + k.length / 1000;
  }

  K.search = function (query, limit) {
    var q = norm(query);
    if (!q || !index) return [];
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var s = score(index[i], q);
      if (s >= 0) hits.push([s, KIND_ORDER[index[i].kind], index[i]]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2].label < b[2].label ? -1 : 1); });
    return hits.slice(0, limit || 20).map(function (h) { return h[2]; });
  };

  function setup() {
    var input = document.getElementById('kdocs-search');
    var list = document.getElementById('kdocs-results');
    if (!input || !list) return;
    var active = -1;
    function options() { return list.querySelectorAll('[role=option]'); }
    function highlight(i) {
      var opts = options();
      opts.forEach(function (o, n) { o.setAttribute('aria-selected', n === i ? 'true' : 'false'); });
      active = i;
      if (opts[i]) { input.setAttribute('aria-activedescendant', opts[i].id); opts[i].scrollIntoView({ block: 'nearest' }); }
    }
    function show() {
      K.loadIndex().then(function () {
        var hits = K.search(input.value, 20);
        list.textContent = '';
        hits.forEach(function (h, n) {
          var li = document.createElement('li');
          li.setAttribute('role', 'option');
          li.id = 'kdocs-hit-' + n;
          var a = document.createElement('a');
          a.href = root + h.href;
          a.textContent = h.label;
          var kind = document.createElement('span');
          kind.className = 'kind';
          kind.textContent = KIND[h.kind];
          a.appendChild(kind);
          li.appendChild(a);
          list.appendChild(li);
        });
        list.hidden = hits.length === 0;
        input.setAttribute('aria-expanded', hits.length ? 'true' : 'false');
        active = -1;
      });
    }
    input.addEventListener('focus', function () { K.loadIndex(); });
    input.addEventListener('input', show);
    input.addEventListener('keydown', function (ev) {
      var opts = options();
      if (ev.key === 'ArrowDown') { ev.preventDefault(); highlight(Math.min(active + 1, opts.length - 1)); }
      else if (ev.key === 'ArrowUp') { ev.preventDefault(); highlight(Math.max(active - 1, 0)); }
      else if (ev.key === 'Enter') {
        var target = opts[active >= 0 ? active : 0];
        if (target) { ev.preventDefault(); window.location.href = target.querySelector('a').href; }
      } else if (ev.key === 'Escape') { list.hidden = true; input.setAttribute('aria-expanded', 'false'); }
    });
    document.addEventListener('click', function (ev) {
      if (!list.contains(ev.target) && ev.target !== input) list.hidden = true;
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setup);
  else setup();
})();
