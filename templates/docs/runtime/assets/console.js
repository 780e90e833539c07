// The TestMe console: a form built from the model data files, sessions, send, code,
// multi-request, history and deep links. Vanilla JS, no dependencies, works from file://.
// Every name in generated code comes from the data files, which the generator fills with
// the client targets' own naming functions.
(function () {
  'use strict';
  var K = window.KDOCS;
  var catalog = JSON.parse(document.getElementById('kdocs-catalog').textContent);
  var NULL = { __null: true };
  var $ = function (id) { return document.getElementById(id); };
  var enums = {};
  var current = null; // { service, action, data, nodes }
  var uid = 0;
  var HISTORY_KEY = 'kdocs-history:' + catalog.api;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'className') node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  function nextId(base) { uid += 1; return 'f' + uid + '-' + String(base).replace(/[^A-Za-z0-9_-]/g, '_'); }
  function classFile(name) { return (catalog.classFiles && catalog.classFiles[name]) || name; }
  function serviceFile(sid) {
    var s = catalog.services.find(function (x) { return x.id === sid; });
    return s ? s.f : sid;
  }
  function loadService(sid) {
    return K.load('service/' + sid, 'data/service/' + serviceFile(sid) + '.js').then(function (d) {
      Object.assign(enums, d.enums);
      return d;
    });
  }
  function loadClass(name) {
    return K.load('class/' + name, 'data/class/' + classFile(name) + '.js').then(function (d) {
      Object.assign(enums, d.enums);
      return d;
    });
  }
  function isNumeric(v) { return /^-?\d+(\.\d+)?$/.test(String(v)); }

  // ---------------------------------------------------------------- form nodes
  // A node: { el, get() -> value | undefined | NULL, set(value) -> Promise }

  function nullBox(name, control) {
    var id = nextId(name + '-null');
    var box = el('input', { type: 'checkbox', id: id, className: 'null-box' });
    box.addEventListener('change', function () { control.disabled = box.checked; });
    return { box: box, label: el('label', { 'for': id, className: 'null-label', title: 'send ' + name + '__null', text: 'null' }) };
  }

  function scalarNode(type, name, info) {
    var id = nextId(name);
    var control;
    if (type === 'bool') {
      control = el('select', { id: id }, [el('option', { value: '', text: '(not set)' }), el('option', { value: 'true', text: 'true' }), el('option', { value: 'false', text: 'false' })]);
    } else if (type.indexOf('e:') === 0) {
      var e = enums[type.slice(2)];
      control = el('select', { id: id }, [el('option', { value: '', text: '(not set)' })]);
      (e ? e.c : []).forEach(function (c) { control.appendChild(el('option', { value: c[1], text: c[0] + ' (' + c[1] + ')' })); });
    } else if (type === 'file') {
      control = el('input', { id: id, type: 'file' });
    } else {
      control = el('input', { id: id, type: 'text', spellcheck: 'false' });
      if (type === 'int' || type === 'bigint' || type === 'float') control.setAttribute('inputmode', 'decimal');
      if (info && info.df && info.df !== 'null') control.setAttribute('placeholder', info.df);
    }
    var label = el('label', { 'for': id, text: name });
    var hint = el('span', { className: 'hint', text: typeLabel(type) + (info && info.req ? ' · required' : '') });
    var nb = nullBox(name, control);
    var row = el('div', { className: 'field' }, [label, control, hint, nb.box, nb.label]);
    if (info && info.d) row.appendChild(el('small', { className: 'desc', text: info.d }));
    return {
      el: row,
      control: control,
      get: function () {
        if (nb.box.checked) return NULL;
        if (type === 'file') return control.files && control.files[0] ? control.files[0] : undefined;
        var v = control.value;
        if (v === '') return undefined;
        if (type === 'bool') return v === 'true';
        if ((type === 'int' || type === 'bigint' || type === 'float') && isNumeric(v)) return Number(v);
        if (type.indexOf('e:') === 0) { var en = enums[type.slice(2)]; if (en && en.k === 'int' && isNumeric(v)) return Number(v); }
        return v;
      },
      set: function (v) {
        if (v && v.__null) { nb.box.checked = true; control.disabled = true; return Promise.resolve(); }
        if (type !== 'file' && v !== undefined) control.value = String(v);
        return Promise.resolve();
      },
    };
  }

  function typeLabel(t) {
    if (t.indexOf('a:') === 0) return 'array of ' + typeLabel(t.slice(2));
    if (t.indexOf('m:') === 0) return 'map of ' + typeLabel(t.slice(2));
    if (t.indexOf('o:') === 0) return t.slice(2) || 'object';
    if (t.indexOf('e:') === 0) return t.slice(2);
    return t;
  }

  function objectNode(cls, name, info) {
    var fs = el('fieldset', { className: 'object' });
    fs.appendChild(el('legend', { text: name + ' (' + (cls || 'object') + ')' }));
    if (!cls) { // untyped object: JSON text
      var id = nextId(name);
      var area = el('textarea', { id: id, rows: '2', spellcheck: 'false' });
      fs.appendChild(el('label', { 'for': id, text: name + ' (JSON)' }));
      fs.appendChild(area);
      return { el: fs, get: function () { if (!area.value.trim()) return undefined; try { return JSON.parse(area.value); } catch (e) { return area.value; } },
               set: function (v) { area.value = JSON.stringify(v); return Promise.resolve(); } };
    }
    var sid = nextId(name + '-objectType');
    var picker = el('select', { id: sid });
    picker.appendChild(el('option', { value: '', text: '(not set)' }));
    var body = el('div', { className: 'props' });
    var nb = nullBox(name, picker);
    fs.appendChild(el('div', { className: 'field' }, [el('label', { 'for': sid, text: name + ' objectType' }), picker, nb.box, nb.label]));
    if (info && info.d) fs.appendChild(el('small', { className: 'desc', text: info.d }));
    fs.appendChild(body);
    var props = {};
    var chosen = '';
    var ready = loadClass(cls).then(function (d) {
      d.sub.forEach(function (n) { picker.appendChild(el('option', { value: n, text: n })); });
    });
    function build(type) {
      chosen = type;
      body.textContent = '';
      props = {};
      if (!type) return Promise.resolve();
      return loadClass(type).then(function (d) {
        d.props.forEach(function (p) {
          if (p.ro) return;
          var node = fieldNode(p.t, p.n, { d: p.d });
          node.prop = p;
          props[p.n] = node;
          body.appendChild(node.el);
        });
      });
    }
    picker.addEventListener('change', function () { build(picker.value); });
    return {
      el: fs,
      get: function () {
        if (nb.box.checked) return NULL;
        if (!chosen) return undefined;
        var out = { objectType: chosen };
        Object.keys(props).forEach(function (k) { var v = props[k].get(); if (v !== undefined) out[k] = v; });
        return out;
      },
      set: function (v) {
        if (v && v.__null) { nb.box.checked = true; return Promise.resolve(); }
        if (!v || !v.objectType) return Promise.resolve();
        return ready.then(function () {
          if (![].some.call(picker.options, function (o) { return o.value === v.objectType; })) return undefined;
          picker.value = v.objectType;
          return build(v.objectType).then(function () {
            return Promise.all(Object.keys(v).filter(function (k) { return props[k]; }).map(function (k) { return props[k].set(v[k]); }));
          });
        });
      },
    };
  }

  function listNode(itemType, name, info, isMap) {
    var fs = el('fieldset', { className: isMap ? 'map' : 'array' });
    fs.appendChild(el('legend', { text: name + ' (' + (isMap ? 'map' : 'array') + ' of ' + typeLabel(itemType) + ')' }));
    var items = el('div', { className: 'items' });
    var entries = [];
    var add = el('button', { type: 'button', text: 'Add', 'aria-label': 'Add ' + name + ' item' });
    function addItem() {
      var index = entries.length;
      var wrap = el('div', { className: 'item' });
      var entry = { wrap: wrap };
      if (isMap) {
        var kid = nextId(name + '-key');
        entry.key = el('input', { id: kid, type: 'text', value: 'key' + index });
        wrap.appendChild(el('label', { 'for': kid, text: name + ' key' }));
        wrap.appendChild(entry.key);
      }
      entry.node = fieldNode(itemType, name + '[' + index + ']', {});
      wrap.appendChild(entry.node.el);
      var remove = el('button', { type: 'button', text: 'Remove', 'aria-label': 'Remove ' + name + '[' + index + ']' });
      remove.addEventListener('click', function () { wrap.remove(); entries.splice(entries.indexOf(entry), 1); });
      wrap.appendChild(remove);
      items.appendChild(wrap);
      entries.push(entry);
      return entry;
    }
    add.addEventListener('click', function () { addItem(); });
    fs.appendChild(items);
    fs.appendChild(add);
    if (info && info.d) fs.appendChild(el('small', { className: 'desc', text: info.d }));
    return {
      el: fs,
      get: function () {
        if (!entries.length) return undefined;
        if (isMap) {
          var m = {};
          entries.forEach(function (e) { var v = e.node.get(); if (v !== undefined) m[e.key.value] = v; });
          return m;
        }
        return entries.map(function (e) { return e.node.get(); }).filter(function (v) { return v !== undefined; });
      },
      set: function (v) {
        if (!v) return Promise.resolve();
        var keys = Array.isArray(v) ? v.map(function (_, i) { return i; }) : Object.keys(v);
        return Promise.all(keys.map(function (k) {
          var e = addItem();
          if (isMap) e.key.value = k;
          return e.node.set(v[k]);
        }));
      },
    };
  }

  function fieldNode(type, name, info) {
    if (type.indexOf('a:') === 0) return listNode(type.slice(2), name, info, false);
    if (type.indexOf('m:') === 0) return listNode(type.slice(2), name, info, true);
    if (type.indexOf('o:') === 0) return objectNode(type.slice(2), name, info);
    return scalarNode(type, name, info);
  }

  // ----------------------------------------------------------- picking actions

  function fillServices() {
    var sel = $('service');
    var list = $('pick-list');
    catalog.services.forEach(function (s) {
      sel.appendChild(el('option', { value: s.id, text: s.n + (s.id !== s.n ? ' (' + s.id + ')' : '') }));
      s.a.forEach(function (a) { list.appendChild(el('option', { value: s.n + '.' + a })); });
    });
  }
  function fillActions(sid) {
    var sel = $('action');
    sel.textContent = '';
    var s = catalog.services.find(function (x) { return x.id === sid; });
    (s ? s.a : []).forEach(function (a) { sel.appendChild(el('option', { value: a, text: a })); });
  }

  function choose(sid, action, values) {
    K.consoleReady = chooseNow(sid, action, values);
    return K.consoleReady;
  }
  function chooseNow(sid, action, values) {
    $('service').value = sid;
    fillActions(sid);
    $('action').value = action;
    return loadService(sid).then(function (data) {
      var a = data.actions[action];
      if (!a) return;
      var form = $('params');
      form.textContent = '';
      var nodes = {};
      a.p.forEach(function (p) {
        var node = fieldNode(p.t, p.n, { d: p.d, df: p.df, req: !p.o });
        node.param = p;
        nodes[p.n] = node;
        form.appendChild(node.el);
      });
      if (!a.p.length) form.appendChild(el('p', { text: 'This action takes no parameters.' }));
      current = { sid: sid, action: action, data: data, a: a, nodes: nodes };
      $('action-summary').textContent = a.d || '';
      $('action-doc').setAttribute('href', a.doc);
      $('pick').value = data.name + '.' + action;
      var xml = !catalog.jsonOnly && (!a.rf.length || a.rf.some(function (f) { return f.toLowerCase() === 'xml'; }));
      $('format').querySelector('option[value="2"]').disabled = !xml;
      if (!xml) $('format').value = '1';
      var sets = Object.keys(values || {}).filter(function (k) { return nodes[k]; }).map(function (k) { return nodes[k].set(values[k]); });
      return Promise.all(sets);
    });
  }

  function collect() {
    var out = {};
    if (!current) return out;
    Object.keys(current.nodes).forEach(function (k) { var v = current.nodes[k].get(); if (v !== undefined) out[k] = v; });
    return out;
  }

  // --------------------------------------------------------------- wire format

  function toWire(value) { // NULL markers become name__null keys; files are left out
    if (Array.isArray(value)) return value.map(toWire);
    if (value && typeof value === 'object' && !(value instanceof Blob)) {
      var out = {};
      Object.keys(value).forEach(function (k) {
        var v = value[k];
        if (v === NULL || (v && v.__null)) out[k + '__null'] = '';
        else if (!(v instanceof Blob)) out[k] = toWire(v);
      });
      return out;
    }
    return value;
  }
  function filesOf(values, prefix) {
    var out = [];
    Object.keys(values).forEach(function (k) { if (values[k] instanceof Blob) out.push([(prefix || '') + k, values[k]]); });
    return out;
  }
  function serverUrl() { return $('server').value.replace(/\/+$/, ''); }

  function buildRequest(path, body, files) {
    var url = serverUrl() + path;
    var init = { method: 'POST' };
    var shown = 'POST ' + url + '\n';
    if (files.length) {
      var fd = new FormData();
      fd.append('json', JSON.stringify(body));
      files.forEach(function (f) { fd.append(f[0], f[1], f[1].name || f[0]); });
      init.body = fd;
      shown += 'Content-Type: multipart/form-data\n\njson=' + JSON.stringify(body, null, 2) + '\n' +
        files.map(function (f) { return f[0] + '=@' + (f[1].name || 'file') + ' (' + f[1].size + ' bytes)'; }).join('\n');
    } else {
      init.headers = { 'Content-Type': 'application/json' };
      init.body = JSON.stringify(body);
      shown += 'Content-Type: application/json\n\n' + JSON.stringify(body, null, 2);
    }
    return { url: url, init: init, shown: shown };
  }

  function send(path, body, files) {
    var req = buildRequest(path, body, files);
    $('request-text').textContent = req.shown;
    $('response-meta').textContent = 'Sending…';
    $('response-body').textContent = '';
    var started = performance.now();
    return fetch(req.url, req.init).then(function (res) {
      return res.text().then(function (text) {
        var ms = performance.now() - started;
        var type = res.headers.get('content-type') || '';
        $('response-meta').textContent = 'HTTP ' + res.status + ' · ' + type + ' · ' + ms.toFixed(1) + ' ms';
        renderResponse(text, type);
        var parsed = null;
        if (type.indexOf('json') >= 0) { try { parsed = JSON.parse(text); } catch (e) { parsed = null; } }
        return { text: text, json: parsed, type: type };
      });
    }, function (err) {
      $('response-meta').textContent = 'Network error: ' + err.message + ' (is the server URL right, and does it allow this origin?)';
      throw err;
    });
  }

  function baseBody() {
    var body = { format: Number($('format').value) };
    if ($('ks').value.trim()) body.ks = $('ks').value.trim();
    return body;
  }

  // ---------------------------------------------------------- response viewer

  function jsonTree(value, key, depth) {
    var label = key === null ? '' : key + ': ';
    if (value === null || typeof value !== 'object') {
      return el('div', { className: 'leaf' }, [el('span', { className: 'key', text: label }), el('span', { className: 'v-' + (value === null ? 'null' : typeof value), text: JSON.stringify(value) })]);
    }
    var isArray = Array.isArray(value);
    var keys = Object.keys(value);
    var summary = el('summary', {}, [el('span', { className: 'key', text: label }),
      el('span', { className: 'meta', text: isArray ? '[' + keys.length + ']' : '{' + (value.objectType ? value.objectType : keys.length + ' keys') + '}' })]);
    var d = el('details', { className: 'node' }, [summary]);
    if (depth < 5) d.open = true;
    keys.forEach(function (k) { d.appendChild(jsonTree(value[k], k, depth + 1)); });
    return d;
  }
  function xmlTree(node, depth) {
    var kids = [].filter.call(node.childNodes, function (c) { return c.nodeType === 1; });
    if (!kids.length) {
      return el('div', { className: 'leaf' }, [el('span', { className: 'key', text: '<' + node.nodeName + '>' }), el('span', { className: 'v-string', text: node.textContent })]);
    }
    var d = el('details', { className: 'node' }, [el('summary', {}, [el('span', { className: 'key', text: '<' + node.nodeName + '>' })])]);
    if (depth < 4) d.open = true;
    kids.forEach(function (c) { d.appendChild(xmlTree(c, depth + 1)); });
    return d;
  }
  function renderResponse(text, type) {
    var box = $('response-body');
    box.textContent = '';
    var tree = null;
    if (type.indexOf('json') >= 0) {
      try { tree = jsonTree(JSON.parse(text), null, 0); } catch (e) { tree = null; }
    } else if (type.indexOf('xml') >= 0) {
      var doc = new DOMParser().parseFromString(text, 'application/xml');
      if (!doc.querySelector('parsererror')) tree = xmlTree(doc.documentElement, 0);
    }
    box.appendChild(tree || el('pre', { text: text }));
    var raw = el('details', { className: 'raw' }, [el('summary', { text: 'Raw response' }), el('pre', { text: text })]);
    box.appendChild(raw);
  }

  function resultOf(response) {
    var v = response && response.json;
    if (v && typeof v === 'object' && 'executionTime' in v && 'result' in v) v = v.result; // OTT envelope
    return v;
  }
  function errorOf(v) {
    if (v && typeof v === 'object') {
      if (v.objectType === 'KalturaAPIException') return v;
      if (v.error && typeof v.error === 'object') return v.error;
    }
    return null;
  }

  // ----------------------------------------------------------------- sessions

  function b64decode(text) {
    var s = text.trim().replace(/-/g, '+').replace(/_/g, '/');
    while (s.length % 4) s += '=';
    return atob(s);
  }
  function decodeKs(ks) {
    var raw;
    try { raw = b64decode(ks); } catch (e) { return { error: 'not a KS (not base64)' }; }
    if (raw.lastIndexOf('v2|', 0) === 0) {
      var parts = raw.split('|');
      return { version: '2', partnerId: parts[1], note: 'user, type, expiry and privileges are encrypted with the partner secret' };
    }
    var bar = raw.indexOf('|');
    if (bar < 0) return { error: 'not a KS (no signature separator)' };
    var f = raw.slice(bar + 1).split(';');
    var expiry = Number(f[2]);
    var types = { '0': 'USER (0)', '2': 'ADMIN (2)' };
    return {
      version: '1', partnerId: f[0], userId: f[5] || '(none)', type: types[f[3]] || f[3],
      expiry: isFinite(expiry) ? new Date(expiry * 1000).toISOString() + (expiry * 1000 < Date.now() ? ' (expired)' : '') : f[2],
      privileges: f[6] || '(none)',
    };
  }
  function showKs() {
    var box = $('ks-view');
    box.textContent = '';
    var ks = $('ks').value.trim();
    if (!ks) return;
    var info = decodeKs(ks);
    var dl = el('dl', { className: 'facts' });
    Object.keys(info).forEach(function (k) { dl.appendChild(el('dt', { text: k })); dl.appendChild(el('dd', { text: String(info[k]) })); });
    box.appendChild(dl);
  }
  function sessionCall(sid, action, params) {
    var body = Object.assign(baseBody(), { format: 1 }, params);
    delete body.ks;
    return send('/api_v3/service/' + sid + '/action/' + action, body, []).then(function (res) {
      var v = resultOf(res);
      var err = errorOf(v);
      if (err) { $('session-status').textContent = 'Failed: ' + err.code + ' ' + err.message; return; }
      var ks = typeof v === 'string' ? v : (v && v.loginSession && v.loginSession.ks) || (v && v.ks) || '';
      if (!ks) { $('session-status').textContent = 'No KS in the response.'; return; }
      $('ks').value = ks;
      showKs();
      $('session-status').textContent = 'Session started.';
      ['helper-session', 'helper-login', 'helper-ott'].forEach(function (id) { $(id).open = false; });
    });
  }
  function serviceIdOf(name) { var s = catalog.services.find(function (x) { return x.n === name; }); return s ? s.id : name; }

  // --------------------------------------------------------------------- code

  function pyStr(s) { return JSON.stringify(String(s)).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'); }
  function tsStr(s) {
    var body = JSON.stringify(String(s)).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
    return "'" + body.replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') + "'";
  }
  var IND = '    ';
  function rep(n) { return new Array(n + 1).join(IND); }
  function classData(name) { return K.get('class/' + name); }

  function pyValue(t, v, imp, level) {
    if (v === NULL || (v && v.__null)) return 'None';
    if (t.indexOf('e:') === 0) {
      var en = enums[t.slice(2)];
      var c = en && en.c.find(function (x) { return x[1] === String(v); });
      if (c) { imp(en.pm, t.slice(2)); return t.slice(2) + '.' + c[2]; }
      return typeof v === 'number' ? String(v) : pyStr(v);
    }
    if (t === 'file') return 'open(' + pyStr((v && v.name) || 'example.bin') + ', "rb")';
    if (t === 'bool') return v === true || v === 'true' ? 'True' : 'False';
    if ((t === 'int' || t === 'bigint' || t === 'float') && isNumeric(v)) return String(v);
    if (t.indexOf('o:') === 0) {
      var cd = v && v.objectType && classData(v.objectType);
      if (!cd) return pyStr(JSON.stringify(v));
      imp(cd.pm, cd.n);
      var props = {};
      cd.props.forEach(function (p) { props[p.n] = p; });
      var args = Object.keys(v).filter(function (k) { return props[k]; }).map(function (k) {
        return rep(level + 1) + props[k].py + '=' + pyValue(props[k].t, v[k], imp, level + 1) + ',';
      });
      return args.length ? cd.n + '(\n' + args.join('\n') + '\n' + rep(level) + ')' : cd.n + '()';
    }
    if (t.indexOf('a:') === 0) {
      var items = v.map(function (x) { return rep(level + 1) + pyValue(t.slice(2), x, imp, level + 1) + ','; });
      return items.length ? '[\n' + items.join('\n') + '\n' + rep(level) + ']' : '[]';
    }
    if (t.indexOf('m:') === 0) {
      var entries = Object.keys(v).map(function (k) { return rep(level + 1) + pyStr(k) + ': ' + pyValue(t.slice(2), v[k], imp, level + 1) + ','; });
      return entries.length ? '{\n' + entries.join('\n') + '\n' + rep(level) + '}' : '{}';
    }
    return pyStr(v);
  }
  function pythonCode(values) {
    var mods = {};
    function imp(module, name) { (mods[module] = mods[module] || {})[name] = true; }
    var a = current.a;
    var args = a.p.filter(function (p) { return values[p.n] !== undefined; }).map(function (p) {
      return IND + p.py + '=' + pyValue(p.t, values[p.n], imp, 1) + ',';
    });
    var call = current.data.pys + '.' + a.py + '(' + (args.length ? '\n' + args.join('\n') + '\n' : '') + ')';
    var lines = ['from KalturaClient import KalturaClient, KalturaConfiguration'];
    Object.keys(mods).sort().forEach(function (m) { lines.push('from ' + m + ' import ' + Object.keys(mods[m]).sort().join(', ')); });
    lines.push('', 'config = KalturaConfiguration(' + pyStr(serverUrl()) + ')', 'client = KalturaClient(config)');
    lines.push('client.setKs(' + pyStr($('ks').value.trim() || 'YOUR_KS') + ')');
    if (a.r === 'void') lines.push(call);
    else lines.push('result = ' + call, 'print(result)');
    return lines.join('\n') + '\n';
  }

  function tsValue(t, v, imp, level) {
    if (v === NULL || (v && v.__null)) return 'null';
    if (t.indexOf('e:') === 0) {
      var en = enums[t.slice(2)];
      var c = en && en.c.find(function (x) { return x[1] === String(v); });
      if (c) { imp(t.slice(2)); return t.slice(2) + '.' + c[3]; }
      return typeof v === 'number' ? String(v) : tsStr(v);
    }
    if (t === 'file') return 'new Blob([/* ' + ((v && v.name) || 'file').replace(/\*\//g, '') + ' */])';
    if (t === 'bool') return v === true || v === 'true' ? 'true' : 'false';
    if ((t === 'int' || t === 'bigint' || t === 'float') && isNumeric(v)) return String(v);
    if (t.indexOf('o:') === 0) {
      var cd = v && v.objectType && classData(v.objectType);
      if (!cd) return JSON.stringify(v);
      imp(cd.n);
      var props = {};
      cd.props.forEach(function (p) { props[p.n] = p; });
      var args = Object.keys(v).filter(function (k) { return props[k]; }).map(function (k) {
        return rep(level + 1) + props[k].ts + ': ' + tsValue(props[k].t, v[k], imp, level + 1) + ',';
      });
      return args.length ? 'new ' + cd.n + '({\n' + args.join('\n') + '\n' + rep(level) + '})' : 'new ' + cd.n + '()';
    }
    if (t.indexOf('a:') === 0) {
      var items = v.map(function (x) { return rep(level + 1) + tsValue(t.slice(2), x, imp, level + 1) + ','; });
      return items.length ? '[\n' + items.join('\n') + '\n' + rep(level) + ']' : '[]';
    }
    if (t.indexOf('m:') === 0) {
      var entries = Object.keys(v).map(function (k) { return rep(level + 1) + tsStr(k) + ': ' + tsValue(t.slice(2), v[k], imp, level + 1) + ','; });
      return entries.length ? '{\n' + entries.join('\n') + '\n' + rep(level) + '}' : '{}';
    }
    return tsStr(v);
  }
  function typescriptCode(values) {
    var names = {};
    function imp(name) { names[name] = true; }
    var a = current.a;
    imp(a.ts);
    var args = a.p.filter(function (p) { return values[p.n] !== undefined; }).map(function (p) {
      return IND + p.ts + ': ' + tsValue(p.t, values[p.n], imp, 1) + ',';
    });
    var expr = 'new ' + a.ts + '({' + (args.length ? '\n' + args.join('\n') + '\n' : '') + '})';
    var pkg = catalog.tsPackage;
    var lines = ['import { KalturaClient } from ' + tsStr(pkg) + ';'];
    Object.keys(names).sort().forEach(function (n) { lines.push('import { ' + n + ' } from ' + tsStr(pkg + '/api/types/' + n) + ';'); });
    lines.push('', 'const client = new KalturaClient(', IND + '{ endpointUrl: ' + tsStr(serverUrl()) + ", clientTag: 'kaltura-codegen-docs' },",
      IND + '{ ks: ' + tsStr($('ks').value.trim() || 'YOUR_KS') + ' },', ');');
    lines.push('const result = await client.request(' + expr + ');', 'console.log(result);');
    return lines.join('\n') + '\n';
  }
  function shell(s) { return "'" + String(s).replace(/'/g, "'\\''") + "'"; }
  function flatten(prefix, v, out) {
    if (v === NULL || (v && v.__null)) out.push([prefix + '__null', '']);
    else if (v instanceof Blob) out.push([prefix, '@' + (v.name || 'file'), true]);
    else if (Array.isArray(v)) v.forEach(function (x, i) { flatten(prefix + '[' + i + ']', x, out); });
    else if (v && typeof v === 'object') Object.keys(v).forEach(function (k) { flatten(prefix + '[' + k + ']', v[k], out); });
    else if (typeof v === 'boolean') out.push([prefix, v ? '1' : '0']);
    else out.push([prefix, String(v)]);
  }
  function curlCode(values) {
    var fields = [['format', '1'], ['ks', $('ks').value.trim() || 'YOUR_KS']];
    Object.keys(values).forEach(function (k) { flatten(k, values[k], fields); });
    var hasFile = fields.some(function (f) { return f[2]; });
    var url = serverUrl() + '/api_v3/service/' + current.sid + '/action/' + current.action;
    var lines = ['curl -X POST ' + shell(url)];
    fields.forEach(function (f) { lines.push('  ' + (hasFile ? '-F ' : '--data-urlencode ') + shell(f[0] + '=' + f[1])); });
    return lines.join(' \\\n') + '\n';
  }
  function showCode() {
    if (!current) return;
    var values = collect();
    $('code-python').querySelector('code').textContent = pythonCode(values);
    $('code-typescript').querySelector('code').textContent = typescriptCode(values);
    $('code-curl').querySelector('code').textContent = curlCode(values);
    $('code-panel').hidden = false;
  }
  function selectTab(lang) {
    ['python', 'typescript', 'curl'].forEach(function (l) {
      var tab = $('tab-' + l);
      var on = l === lang;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.tabIndex = on ? 0 : -1;
      $('code-' + l).hidden = !on;
      if (on) tab.focus();
    });
  }

  // ------------------------------------------------- deep links and history

  function serializable(v) { // files cannot travel in a link
    if (v === NULL) return { __null: true };
    if (v instanceof Blob) return undefined;
    if (Array.isArray(v)) return v.map(serializable);
    if (v && typeof v === 'object') {
      var out = {};
      Object.keys(v).forEach(function (k) { var x = serializable(v[k]); if (x !== undefined) out[k] = x; });
      return out;
    }
    return v;
  }
  function linkFor(sid, action, values) {
    var p = serializable(values);
    return '#s=' + encodeURIComponent(sid) + '&a=' + encodeURIComponent(action) +
      (p && Object.keys(p).length ? '&p=' + encodeURIComponent(JSON.stringify(p)) : '');
  }
  function parseLink(hash) {
    var q = {};
    hash.replace(/^#/, '').split('&').forEach(function (part) {
      var i = part.indexOf('=');
      if (i > 0) q[decodeURIComponent(part.slice(0, i))] = decodeURIComponent(part.slice(i + 1));
    });
    if (!q.s || !q.a) return null;
    var values = {};
    if (q.p) { try { values = JSON.parse(q.p); } catch (e) { values = {}; } }
    return { sid: q.s, action: q.a, values: values };
  }
  function history() { try { return JSON.parse(localStorage.getItem(HISTORY_KEY) || '[]'); } catch (e) { return []; } }
  function remember(sid, action, values) {
    var list = history();
    list.unshift({ s: sid, a: action, p: serializable(values), t: new Date().toISOString() });
    try { localStorage.setItem(HISTORY_KEY, JSON.stringify(list.slice(0, 30))); } catch (e) { /* storage full or off */ }
    showHistory();
  }
  function showHistory() {
    var box = $('history');
    box.textContent = '';
    history().forEach(function (h) {
      var b = el('button', { type: 'button', className: 'linkish', text: h.s + '.' + h.a + ' · ' + h.t.slice(11, 19) });
      b.addEventListener('click', function () {
        var link = linkFor(h.s, h.a, h.p);
        if (location.hash === link) openLink(); // same hash: no hashchange event would fire
        else location.hash = link;
      });
      box.appendChild(el('li', {}, [b]));
    });
  }

  // ----------------------------------------------------------- multi-request

  var queue = [];
  function showQueue() {
    var box = $('queue');
    box.textContent = '';
    queue.forEach(function (q, i) {
      var remove = el('button', { type: 'button', text: 'Remove', 'aria-label': 'Remove call ' + (i + 1) });
      remove.addEventListener('click', function () { queue.splice(i, 1); showQueue(); });
      box.appendChild(el('li', {}, [el('code', { text: q.sid + '.' + q.action + ' ' + JSON.stringify(serializable(q.values)) }), remove]));
    });
  }
  function sendQueue() {
    if (!queue.length) return;
    var body = baseBody();
    var files = [];
    queue.forEach(function (q, i) {
      var n = String(i + 1);
      body[n] = Object.assign({ service: q.sid, action: q.action }, toWire(q.values));
      filesOf(q.values, n + ':').forEach(function (f) { files.push(f); });
    });
    send('/api_v3/service/multirequest', body, files);
  }

  // --------------------------------------------------------------------- wire up

  function sendCurrent() {
    if (!current) return;
    var values = collect();
    var body = Object.assign(baseBody(), toWire(values));
    remember(current.sid, current.action, values);
    window.history.replaceState(null, '', linkFor(current.sid, current.action, values));
    return send('/api_v3/service/' + current.sid + '/action/' + current.action, body, filesOf(values));
  }

  function init() {
    [].forEach.call(document.querySelectorAll('form'), function (f) {
      f.addEventListener('submit', function (ev) { ev.preventDefault(); });
    });
    var origin = location.protocol === 'file:' ? catalog.serviceUrl : location.origin;
    $('server').value = localStorage.getItem('kdocs-server') || origin;
    $('server').addEventListener('change', function () { localStorage.setItem('kdocs-server', $('server').value); });
    if (catalog.jsonOnly) $('format').querySelector('option[value="2"]').disabled = true;
    fillServices();
    $('service').addEventListener('change', function () { fillActions($('service').value); choose($('service').value, $('action').value); });
    $('action').addEventListener('change', function () { choose($('service').value, $('action').value); });
    $('pick').addEventListener('change', function () {
      var v = $('pick').value.trim();
      var dot = v.lastIndexOf('.');
      if (dot < 0) return;
      var s = catalog.services.find(function (x) { return x.n === v.slice(0, dot) || x.id === v.slice(0, dot); });
      var action = v.slice(dot + 1);
      if (current && s && current.sid === s.id && current.action === action) return; // already open
      if (s && s.a.indexOf(action) >= 0) choose(s.id, action);
    });
    $('send').addEventListener('click', sendCurrent);
    $('show-code').addEventListener('click', showCode);
    $('copy-link').addEventListener('click', function () {
      if (!current) return;
      var link = linkFor(current.sid, current.action, collect());
      window.history.replaceState(null, '', link);
      if (navigator.clipboard) navigator.clipboard.writeText(location.href).catch(function () { return undefined; });
    });
    $('queue-add').addEventListener('click', function () { if (current) { queue.push({ sid: current.sid, action: current.action, values: collect() }); showQueue(); } });
    $('queue-send').addEventListener('click', sendQueue);
    $('queue-clear').addEventListener('click', function () { queue = []; showQueue(); });
    $('history-clear').addEventListener('click', function () { localStorage.removeItem(HISTORY_KEY); showHistory(); });
    ['python', 'typescript', 'curl'].forEach(function (l, i, all) {
      var tab = $('tab-' + l);
      tab.addEventListener('click', function () { selectTab(l); });
      tab.addEventListener('keydown', function (ev) {
        if (ev.key === 'ArrowRight') selectTab(all[(i + 1) % all.length]);
        if (ev.key === 'ArrowLeft') selectTab(all[(i + all.length - 1) % all.length]);
      });
    });
    $('ks').addEventListener('input', showKs);
    $('ks-clear').addEventListener('click', function () { $('ks').value = ''; showKs(); });
    var h = catalog.helpers;
    $('helper-session').hidden = !h.sessionStart;
    $('helper-login').hidden = !h.loginByLoginId;
    $('helper-ott').hidden = !h.ottLogin;
    $('ss-start').addEventListener('click', function () {
      var p = { secret: $('ss-secret').value, type: Number($('ss-type').value) };
      if ($('ss-partner').value) p.partnerId = Number($('ss-partner').value);
      if ($('ss-user').value) p.userId = $('ss-user').value;
      if ($('ss-expiry').value) p.expiry = Number($('ss-expiry').value);
      if ($('ss-privileges').value) p.privileges = $('ss-privileges').value;
      sessionCall(serviceIdOf('session'), 'start', p);
    });
    $('ul-start').addEventListener('click', function () {
      sessionCall(serviceIdOf('user'), 'loginByLoginId', { partnerId: Number($('ul-partner').value), loginId: $('ul-login').value, password: $('ul-password').value });
    });
    $('ol-start').addEventListener('click', function () {
      sessionCall(serviceIdOf('ottUser'), 'login', { partnerId: Number($('ol-partner').value), username: $('ol-user').value, password: $('ol-password').value });
    });
    showHistory();
    window.addEventListener('hashchange', openLink);
    if (!openLink()) {
      var first = catalog.services[0];
      if (first) choose(first.id, first.a[0]);
    }
  }
  function openLink() {
    var link = parseLink(location.hash);
    if (!link) return false;
    choose(link.sid, link.action, link.values);
    return true;
  }
  init();
})();
