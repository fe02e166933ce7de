// medcode coder workbench. Vanilla JS, no build step, no globals.
// Evidence offsets from the API are UTF-8 byte offsets into the note that
// was sent; everything here converts them with TextEncoder/TextDecoder.
(function () {
  'use strict';

  var SYSTEM_ORDER = { 'ICD-10-CM': 0, 'CPT': 1, 'HCPCS': 2 };
  var PALETTE = 12; // classes pal-0 … pal-11 in app.css
  var MAX_NOTE_BYTES = 100 * 1024;
  // Rejections drawn in the note: a mention the note itself rules out
  // (negated, family, historical, hypothetical, uncertain). Others
  // (excludes1, not valid on the date…) are listed, not drawn.
  var NOTE_RULES = { negated: 1, family: 1, historical: 1, hypothetical: 1, uncertain: 1, uncertain_outpatient: 1,
    other_person: 1, past_procedure: 1, vaccination: 1, instrument: 1, not_pregnant: 1 };

  function sysRank(s) { return Object.prototype.hasOwnProperty.call(SYSTEM_ORDER, s) ? SYSTEM_ORDER[s] : 9; }
  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, kids) {
    var n = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        if (!Object.prototype.hasOwnProperty.call(attrs, k)) continue;
        var v = attrs[k];
        if (v === undefined || v === null || v === false) continue;
        if (k === 'class') n.className = v;
        else if (k === 'text') n.textContent = v;
        else if (k.slice(0, 2) === 'on') n.addEventListener(k.slice(2), v);
        else n.setAttribute(k, v === true ? '' : String(v));
      }
    }
    if (kids) {
      for (var i = 0; i < kids.length; i++) {
        var c = kids[i];
        if (c === null || c === undefined || c === false) continue;
        n.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
      }
    }
    return n;
  }
  function clear(n) { while (n.firstChild) n.removeChild(n.firstChild); }
  function key(system, code) { return system + '|' + code; }
  function fmt(x, d) { return (typeof x === 'number' && isFinite(x)) ? x.toFixed(d === undefined ? 2 : d) : '–'; }
  function clip(s, n) { s = String(s || '').replace(/\s+/g, ' ').trim(); return s.length > n ? s.slice(0, n - 1) + '…' : s; }

  // ---- state -------------------------------------------------------------
  var state = {
    text: '',          // the note as sent (offsets refer to it)
    bytes: null,       // its UTF-8 encoding
    requestId: '',
    items: [],         // {s, status, replacement, colour, marks:[]}
    rejected: [],      // {r, marks:[]}
    added: [],         // {system, code, display}
    current: -1,
    busy: false,
    seq: 0
  };

  // ---- API ---------------------------------------------------------------
  function api(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    var apiKey = $('apikey').value.trim();
    if (apiKey) headers['Authorization'] = 'Bearer ' + apiKey;
    return fetch(path, {
      method: method, headers: headers, cache: 'no-store', credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (res) {
      var ct = res.headers.get('Content-Type') || '';
      var parse = ct.indexOf('json') >= 0 ? res.json().catch(function () { return null; }) : Promise.resolve(null);
      return parse.then(function (data) {
        if (!res.ok) {
          var msg = (data && (data.detail || data.title)) || (res.status + ' ' + res.statusText);
          if (res.status === 401) msg += ' — enter the API key at the bottom right.';
          var err = new Error(msg);
          err.status = res.status;
          throw err;
        }
        return { data: data, res: res };
      });
    });
  }

  function showError(msg) {
    var e = $('error');
    if (!msg) { e.hidden = true; clear(e); return; }
    e.textContent = msg;
    e.hidden = false;
  }
  function announce(msg) { $('status').textContent = msg; }

  // ---- byte offsets → string positions ----------------------------------
  // charPositions maps each valid byte offset in offsets (on a UTF-8
  // character boundary, within the note) to its UTF-16 index.
  function charPositions(bytes, offsets) {
    var sorted = offsets.slice().sort(function (a, b) { return a - b; });
    var dec = new TextDecoder('utf-8', { ignoreBOM: true });
    var m = new Map();
    var pb = 0, pc = 0;
    for (var i = 0; i < sorted.length; i++) {
      var b = sorted[i];
      if (m.has(b) || !Number.isInteger(b) || b < 0 || b > bytes.length) continue;
      if (b < bytes.length && (bytes[b] & 0xC0) === 0x80) continue; // inside a character
      pc += dec.decode(bytes.subarray(pb, b)).length;
      pb = b;
      m.set(b, pc);
    }
    return m;
  }

  // ---- colours -------------------------------------------------------------
  function fnv(s) {
    var h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    return h >>> 0;
  }
  // assignColours gives each code its hashed palette slot, probing to the
  // next free slot on a collision within this result, so a code keeps its
  // colour across notes whenever it can.
  function assignColours(items) {
    var used = {};
    var byKey = {};
    items.forEach(function (it) {
      var k = key(it.s.system, it.s.code);
      if (byKey[k] !== undefined) { it.colour = byKey[k]; return; }
      var c = fnv(k) % PALETTE;
      for (var i = 0; i < PALETTE && used[c]; i++) c = (c + 1) % PALETTE;
      used[c] = true;
      byKey[k] = c;
      it.colour = c;
    });
  }

  // ---- note view with highlights ------------------------------------------
  function renderNote() {
    var view = $('view');
    clear(view);
    state.items.forEach(function (it) { it.marks = []; });
    state.rejected.forEach(function (rj) { rj.marks = []; });
    var text = state.text, bytes = state.bytes;
    var spans = [];
    state.items.forEach(function (it, i) {
      (it.s.evidence || []).forEach(function (e) { spans.push({ kind: 's', i: i, e: e }); });
    });
    state.rejected.forEach(function (rj, j) {
      if (!NOTE_RULES[rj.r.rule]) return;
      (rj.r.evidence || []).forEach(function (e) { spans.push({ kind: 'r', i: j, e: e }); });
    });
    var offs = [];
    spans.forEach(function (sp) { offs.push(sp.e.start, sp.e.end); });
    var pos = charPositions(bytes, offs);
    var dec = new TextDecoder('utf-8', { ignoreBOM: true });
    var bad = 0;
    spans = spans.filter(function (sp) {
      var e = sp.e;
      var ok = pos.has(e.start) && pos.has(e.end) && e.start < e.end &&
        text.slice(pos.get(e.start), pos.get(e.end)) === e.text &&
        dec.decode(bytes.subarray(e.start, e.end)) === e.text;
      if (!ok) bad++;
      return ok;
    });
    var bounds = [];
    spans.forEach(function (sp) { bounds.push(sp.e.start, sp.e.end); });
    bounds = Array.from(new Set(bounds)).sort(function (a, b) { return a - b; });

    var frag = document.createDocumentFragment();
    var cursor = 0; // char position written so far
    for (var bi = 0; bi + 1 < bounds.length; bi++) {
      var b0 = bounds[bi], b1 = bounds[bi + 1];
      var cover = spans.filter(function (sp) { return sp.e.start <= b0 && sp.e.end >= b1; });
      if (!cover.length) continue;
      var c0 = pos.get(b0), c1 = pos.get(b1);
      if (c0 > cursor) frag.appendChild(document.createTextNode(text.slice(cursor, c0)));
      frag.appendChild(makeMark(cover, b0, b1, text.slice(c0, c1)));
      cursor = c1;
    }
    if (cursor < text.length) frag.appendChild(document.createTextNode(text.slice(cursor)));
    view.appendChild(frag);
    return bad;
  }

  function makeMark(cover, b0, b1, str) {
    var sugg = [], rej = [], asserted = false, status = [];
    cover.forEach(function (sp) {
      var st = sp.e.assertion || 'present';
      if (status.indexOf(st) < 0) status.push(st);
      if (sp.kind === 's') {
        if (sugg.indexOf(sp.i) < 0) sugg.push(sp.i);
        if (st !== 'present' || (sp.e.assertions && sp.e.assertions.length)) asserted = true;
      } else if (rej.indexOf(sp.i) < 0) rej.push(sp.i);
    });
    status.sort();
    sugg.sort(function (a, b) { return a - b; });
    rej.sort(function (a, b) { return a - b; });
    var codes = [];
    var cls = 'hl';
    if (sugg.length) {
      cls += ' pal-' + state.items[sugg[0]].colour;
      if (sugg.length > 1) cls += ' multi';
      if (asserted) cls += ' asserted';
    } else {
      cls += ' rej';
    }
    sugg.forEach(function (i) { codes.push(key(state.items[i].s.system, state.items[i].s.code)); });
    rej.forEach(function (j) { codes.push(key(state.rejected[j].r.system, state.rejected[j].r.code)); });
    var label = sugg.map(function (i) { return state.items[i].s.code; }).join(', ');
    if (rej.length) label += (label ? '; ' : '') + 'rejected: ' + rej.map(function (j) { return state.rejected[j].r.code + ' (' + state.rejected[j].r.rule + ')'; }).join(', ');
    if (status.length && !(status.length === 1 && status[0] === 'present')) label += ' [' + status.join(', ') + ']';
    var m = el('mark', {
      'class': cls, 'data-testid': 'highlight', 'data-start': b0, 'data-end': b1,
      'data-codes': codes.join(' '), 'data-kind': sugg.length ? 'suggested' : 'rejected',
      'data-assertion': status.join(' '), title: label, text: str
    });
    m._sugg = sugg;
    m._rej = rej;
    sugg.forEach(function (i) { state.items[i].marks.push(m); });
    rej.forEach(function (j) { state.rejected[j].marks.push(m); });
    return m;
  }

  function markSelected() {
    var view = $('view');
    var old = view.querySelectorAll('mark.sel');
    for (var i = 0; i < old.length; i++) old[i].classList.remove('sel');
    var it = state.items[state.current];
    if (!it) return;
    it.marks.forEach(function (m) { m.classList.add('sel'); });
  }

  // scrollWithin scrolls only container (never the page) so node is
  // visible: centred when center, else by the least amount.
  function scrollWithin(container, node, center) {
    var c = container.getBoundingClientRect(), r = node.getBoundingClientRect();
    if (r.top >= c.top && r.bottom <= c.bottom) return;
    var d;
    if (center) d = (r.top - c.top) - (c.height - r.height) / 2;
    else d = r.top < c.top ? r.top - c.top - 6 : r.bottom - c.bottom + 6;
    container.scrollTop += d;
  }

  function scrollToMarks(marks) {
    if (!marks || !marks.length || $('view').hidden) return;
    scrollWithin($('view'), marks[0], true);
  }

  // ---- popover for a clicked highlight ------------------------------------
  function openPopover(m) {
    var pop = $('popover');
    clear(pop);
    var list = el('ul', { 'class': 'pop-list' });
    m._sugg.forEach(function (i) {
      var it = state.items[i];
      list.appendChild(el('li', null, [
        el('button', {
          type: 'button', 'class': 'pop-code', 'data-testid': 'popover-code',
          onclick: function () { closePopover(); select(i, true, true); }
        }, [
          el('span', { 'class': 'sw pal-' + it.colour, 'aria-hidden': 'true' }),
          el('strong', { text: it.s.code }), ' ' + clip(it.s.display, 70),
          el('span', { 'class': 'pop-state', text: statusLabel(it) })
        ])
      ]));
    });
    m._rej.forEach(function (j) {
      var r = state.rejected[j].r;
      list.appendChild(el('li', { 'class': 'pop-rej' }, [
        el('span', { 'class': 'sw sw-rej', 'aria-hidden': 'true' }),
        el('s', { text: r.code }), ' ' + clip(r.display, 60),
        r.evidence && r.evidence.length ? assertionChip(r.evidence[0]) : null,
        el('div', { 'class': 'pop-reason', text: (r.rule ? r.rule + ': ' : '') + (r.reason || '') })
      ]));
    });
    pop.appendChild(el('div', { 'class': 'pop-head' }, [
      el('span', { text: '“' + clip(m.textContent, 50) + '”' }),
      el('button', { type: 'button', 'class': 'ghost close', 'aria-label': 'Close', text: '×', onclick: closePopover })
    ]));
    pop.appendChild(list);
    pop.hidden = false;
    var pane = pop.parentNode.getBoundingClientRect();
    var r = m.getBoundingClientRect();
    var left = Math.max(8, Math.min(r.left - pane.left, pane.width - pop.offsetWidth - 8));
    var top = r.bottom - pane.top + 6;
    if (top + pop.offsetHeight > pane.height - 8) top = Math.max(8, r.top - pane.top - pop.offsetHeight - 6);
    pop.style.left = left + 'px';
    pop.style.top = top + 'px';
    var first = pop.querySelector('button.pop-code') || pop.querySelector('button');
    if (first) first.focus({ preventScroll: true });
    pop._from = m;
  }
  function closePopover() {
    var pop = $('popover');
    if (pop.hidden) return;
    pop.hidden = true;
    if (pop._from && document.activeElement && pop.contains(document.activeElement)) $('view').focus({ preventScroll: true });
  }

  // ---- suggestions list -----------------------------------------------------
  function statusLabel(it) {
    switch (it.status) {
      case 'accepted': return 'accepted';
      case 'rejected': return 'rejected';
      case 'replaced': return 'replaced by ' + it.replacement.code;
      default: return 'to review';
    }
  }

  function renderExplanation(x, depth) {
    var li = el('li', null, [el('span', { 'class': 'xv', text: fmt(x.value, 3) }), ' ' + (x.message || '')]);
    if (x.children && x.children.length && depth < 6) {
      var ul = el('ul');
      x.children.forEach(function (c) { ul.appendChild(renderExplanation(c, depth + 1)); });
      li.appendChild(ul);
    }
    return li;
  }

  // assertionChip shows an evidence span's assertion status and the words
  // that set it ("negated · “denies”").
  function assertionChip(e) {
    var st = e.assertion || 'present';
    return el('span', {
      'class': 'chip st st-' + st, 'data-testid': 'assertion', 'data-assertion': st,
      title: e.trigger ? st + ' by “' + e.trigger + '”' : st,
      text: e.trigger ? st + ' · “' + clip(e.trigger, 30) + '”' : st
    });
  }

  function renderCard(it, i) {
    var s = it.s;
    var conf = Math.max(0, Math.min(1, Number(s.confidence) || 0));
    var fill = el('span', { 'class': 'fill' + (conf >= 0.7 ? ' hi' : conf >= 0.4 ? ' mid' : ' lo') });
    fill.style.width = (conf * 100).toFixed(1) + '%';
    var titleId = 'sg-' + i + '-t';
    var head = el('div', { 'class': 'card-head' }, [
      el('span', { 'class': 'sw pal-' + it.colour, 'aria-hidden': 'true' }),
      el('span', { 'class': 'sys', text: s.system }),
      el('strong', { 'class': 'code', 'data-testid': 'code', text: s.code }),
      s.billable ? el('span', { 'class': 'badge ok', text: 'billable' }) : el('span', { 'class': 'badge warn', text: 'not billable' }),
      el('span', { 'class': 'conf', title: 'confidence ' + fmt(conf) + ' · score ' + fmt(s.score, 3) }, [
        el('span', { 'class': 'bar', 'aria-hidden': 'true' }, [fill]),
        el('span', { 'class': 'num', 'data-testid': 'confidence', text: fmt(conf) })
      ]),
      el('span', { 'class': 'state', 'data-testid': 'state', text: statusLabel(it) })
    ]);
    var kids = [head, el('div', { 'class': 'display', id: titleId, text: s.display })];
    if (s.assertions && s.assertions.length) {
      kids.push(el('div', { 'class': 'chips' }, s.assertions.map(function (a) { return el('span', { 'class': 'chip', text: a }); })));
    }
    if (s.edits && s.edits.length) {
      kids.push(el('ul', { 'class': 'edits', 'aria-label': 'Coding edits' }, s.edits.map(function (ed) {
        return el('li', { 'data-kind': ed.kind }, [el('span', { 'class': 'warn-i', 'aria-hidden': 'true', text: '!' }), ed.message]);
      })));
    }
    if (s.evidence && s.evidence.length) {
      kids.push(el('ul', { 'class': 'evid', 'aria-label': 'Evidence' }, s.evidence.map(function (e) {
        var matched = e.matched ? [' ← ', el('span', { 'class': 'matched', text: '“' + clip(e.matched, 60) + '”' }), e.matchedKind ? ' (' + e.matchedKind + ')' : ''] : [];
        return el('li', null, [
          el('button', {
            type: 'button', 'class': 'link', title: 'Show in note',
            onclick: function (ev) { ev.stopPropagation(); select(i, false, false); scrollToByte(e.start); }
          }, ['“' + clip(e.text, 50) + '”']),
          e.section ? el('span', { 'class': 'sect', text: e.section.replace(/_/g, ' ') }) : null
        ].concat(matched, [assertionChip(e)]));
      })));
    }
    var x = s.explanation || {};
    if (x.message || (x.children && x.children.length)) {
      kids.push(el('details', { 'class': 'why' }, [
        el('summary', { text: 'Why: ' + clip(x.message || 'score', 80) }),
        el('ul', { 'class': 'xtree' }, [renderExplanation(x, 0)])
      ]));
    }
    var alts = null;
    if (s.alternatives && s.alternatives.length) {
      alts = el('div', { 'class': 'alts' }, [el('span', { 'class': 'alts-l', text: 'Alternatives:' })].concat(
        s.alternatives.map(function (a) {
          return el('button', {
            type: 'button', 'class': 'alt', 'data-testid': 'alternative', title: 'Replace with ' + a.code + ' ' + a.display,
            onclick: function (ev) { ev.stopPropagation(); replaceWith(i, { system: s.system, code: a.code, display: a.display }); }
          }, [el('strong', { text: a.code }), el('span', { 'class': 'alt-d', text: a.display })]);
        })));
      kids.push(alts);
    }
    var replaceBox = el('div', { 'class': 'replace', hidden: true });
    kids.push(el('div', { 'class': 'actions' }, [
      el('button', { type: 'button', 'class': 'accept', 'data-testid': 'accept', 'aria-keyshortcuts': 'a', onclick: function (ev) { ev.stopPropagation(); decide(i, 'accepted'); } }, ['Accept ', el('kbd', { text: 'a' })]),
      el('button', { type: 'button', 'class': 'reject', 'data-testid': 'reject', 'aria-keyshortcuts': 'r', onclick: function (ev) { ev.stopPropagation(); decide(i, 'rejected'); } }, ['Reject ', el('kbd', { text: 'r' })]),
      el('button', { type: 'button', 'class': 'ghost', 'data-testid': 'replace', 'aria-keyshortcuts': 'e', onclick: function (ev) { ev.stopPropagation(); openReplace(i); } }, ['Replace… ', el('kbd', { text: 'e' })])
    ]));
    kids.push(replaceBox);
    var li = el('li', {
      'class': 'card', 'data-testid': 'suggestion', 'data-system': s.system, 'data-code': s.code,
      'data-state': it.status, tabindex: -1,
      'aria-label': s.system + ' ' + s.code + ', confidence ' + fmt(conf) + ', ' + statusLabel(it)
    }, kids);
    li.addEventListener('click', function (ev) {
      if (ev.target.closest('button, input, a, summary, .options')) return;
      select(i, true, false);
    });
    li.addEventListener('focus', function (ev) { if (ev.target === li && state.current !== i) select(i, true, false); });
    it.card = li;
    it.replaceBox = replaceBox;
    return li;
  }

  function scrollToByte(b) {
    var marks = $('view').querySelectorAll('mark');
    for (var i = 0; i < marks.length; i++) {
      if (Number(marks[i].getAttribute('data-start')) >= b) { scrollToMarks([marks[i]]); marks[i].classList.add('flash'); flashOff(marks[i]); return; }
    }
  }
  function flashOff(m) { setTimeout(function () { m.classList.remove('flash'); }, 1200); }

  function updateCard(i) {
    var it = state.items[i];
    if (!it || !it.card) return;
    var conf = Math.max(0, Math.min(1, Number(it.s.confidence) || 0));
    it.card.setAttribute('data-state', it.status);
    it.card.setAttribute('aria-label', it.s.system + ' ' + it.s.code + ', confidence ' + fmt(conf) + ', ' + statusLabel(it));
    it.card.querySelector('[data-testid=state]').textContent = statusLabel(it);
  }

  // select makes suggestion i current; scroll brings its evidence into
  // view; focus moves keyboard focus to its card.
  function select(i, scroll, focus) {
    if (i < 0 || i >= state.items.length) return;
    var prev = state.items[state.current];
    if (prev && prev.card) { prev.card.classList.remove('current'); prev.card.tabIndex = -1; }
    state.current = i;
    var it = state.items[i];
    it.card.classList.add('current');
    it.card.tabIndex = 0;
    markSelected();
    if (focus) it.card.focus({ preventScroll: true });
    scrollWithin($('suggestions'), it.card, false);
    if (scroll) scrollToMarks(it.marks);
  }

  function move(d) {
    if (!state.items.length) return;
    var i = state.current < 0 ? 0 : Math.max(0, Math.min(state.items.length - 1, state.current + d));
    select(i, true, true);
  }

  function feedback(system, code, action, reason) {
    var body = { requestId: state.requestId, system: system, code: code, action: action };
    if (reason) body.reason = reason;
    return api('POST', '/v1/feedback', body);
  }

  function decide(i, action) {
    var it = state.items[i];
    if (!it || it.pending) return;
    if ((action === 'accepted' && it.status === 'accepted') || (action === 'rejected' && it.status === 'rejected')) return;
    it.pending = true;
    it.card.setAttribute('aria-busy', 'true');
    showError('');
    feedback(it.s.system, it.s.code, action).then(function () {
      it.status = action;
      it.replacement = null;
      updateCard(i);
      renderFinal();
      announce((action === 'accepted' ? 'Accepted ' : 'Rejected ') + it.s.code + '.');
      if (state.current === i && document.activeElement === it.card) {
        var next = nextPending(i);
        if (next >= 0) select(next, true, true);
      }
    }).catch(function (err) {
      showError('Could not save feedback for ' + it.s.code + ': ' + err.message);
    }).then(function () {
      it.pending = false;
      it.card.removeAttribute('aria-busy');
    });
  }

  function nextPending(i) {
    for (var j = i + 1; j < state.items.length; j++) if (state.items[j].status === 'pending') return j;
    return -1;
  }

  function replaceWith(i, pick) {
    var it = state.items[i];
    if (!it || it.pending) return;
    if (pick.system === it.s.system && pick.code === it.s.code) { decide(i, 'accepted'); return; }
    it.pending = true;
    showError('');
    var rejectOld = it.status === 'rejected' ? Promise.resolve() :
      feedback(it.s.system, it.s.code, 'rejected', 'replaced by ' + pick.system + ' ' + pick.code);
    rejectOld.then(function () {
      return feedback(pick.system, pick.code, 'added', 'replaces ' + it.s.system + ' ' + it.s.code);
    }).then(function () {
      it.status = 'replaced';
      it.replacement = pick;
      closeReplace(i);
      updateCard(i);
      renderFinal();
      announce('Replaced ' + it.s.code + ' with ' + pick.code + '.');
      select(i, false, true);
    }).catch(function (err) {
      showError('Could not save the replacement: ' + err.message);
    }).then(function () { it.pending = false; });
  }

  function openReplace(i) {
    var it = state.items[i];
    if (!it) return;
    select(i, false, false);
    var box = it.replaceBox;
    if (!box.hidden) { box.querySelector('input').focus(); return; }
    clear(box);
    var id = 'rep-' + i;
    var input = el('input', {
      type: 'text', id: id + '-q', role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false',
      'aria-controls': id + '-list', autocomplete: 'off', placeholder: 'Search ' + it.s.system + ' codes', 'data-testid': 'replace-input'
    });
    var list = el('ul', { id: id + '-list', 'class': 'options', role: 'listbox', 'aria-label': 'Replacement codes', hidden: true });
    box.appendChild(el('label', { 'for': id + '-q', text: 'Replace ' + it.s.code + ' with' }));
    box.appendChild(el('div', { 'class': 'combo' }, [input, list]));
    box.appendChild(el('button', { type: 'button', 'class': 'ghost', text: 'Cancel', onclick: function () { closeReplace(i); select(i, false, true); } }));
    box.hidden = false;
    combo(input, list, function () { return it.s.system; }, function (pick) { replaceWith(i, pick); },
      function () { closeReplace(i); select(i, false, true); });
    input.value = it.s.display ? clip(it.s.display.split(/[,(]/)[0], 40) : '';
    input.focus();
    input.select();
    input.dispatchEvent(new Event('input'));
  }
  function closeReplace(i) {
    var it = state.items[i];
    if (!it || !it.replaceBox) return;
    it.replaceBox.hidden = true;
    clear(it.replaceBox);
  }

  // ---- autocomplete (ARIA combobox) -----------------------------------------
  function combo(input, list, systemFn, onPick, onEscape) {
    var seq = 0, timer = 0, active = -1, results = [];
    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }
    function setActive(n) {
      var opts = list.querySelectorAll('[role=option]');
      if (!opts.length) return;
      active = (n + opts.length) % opts.length;
      for (var i = 0; i < opts.length; i++) opts[i].setAttribute('aria-selected', i === active ? 'true' : 'false');
      input.setAttribute('aria-activedescendant', opts[active].id);
      scrollWithin(list, opts[active], false);
    }
    function pick(n) {
      var r = results[n];
      if (!r) return;
      close();
      onPick({ system: r.system, code: r.code, display: r.display });
    }
    function render(rs) {
      results = rs;
      clear(list);
      if (!rs.length) {
        list.appendChild(el('li', { 'class': 'none', text: 'No matching codes' }));
      }
      rs.forEach(function (r, n) {
        list.appendChild(el('li', {
          role: 'option', id: list.id + '-' + n, 'aria-selected': 'false', 'data-testid': 'option', 'data-code': r.code,
          onmousedown: function (ev) { ev.preventDefault(); pick(n); }
        }, [el('strong', { text: r.code }), ' ', el('span', { 'class': 'sys', text: r.system }), ' ' + clip(r.display, 80),
          r.matched && r.matched !== r.display ? el('div', { 'class': 'opt-m', text: 'matched “' + clip(r.matched, 60) + '”' }) : null]));
      });
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      active = -1;
    }
    function search() {
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      var my = ++seq;
      var path = '/v1/codes/search?q=' + encodeURIComponent(q) + '&limit=10';
      var sys = systemFn();
      if (sys) path += '&system=' + encodeURIComponent(sys);
      api('GET', path).then(function (r) {
        if (my !== seq) return;
        var data = r.data;
        var rs = Array.isArray(data) ? data : (data && (data.results || data.codes)) || [];
        render(rs);
      }).catch(function (err) {
        if (my !== seq) return;
        clear(list);
        list.appendChild(el('li', { 'class': 'none', text: 'Search failed: ' + err.message }));
        list.hidden = false;
      });
    }
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(search, 150); });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'ArrowDown') { ev.preventDefault(); if (list.hidden) search(); else setActive(active + 1); }
      else if (ev.key === 'ArrowUp') { ev.preventDefault(); setActive(active - 1); }
      else if (ev.key === 'Enter' && !ev.ctrlKey && !ev.metaKey) {
        ev.preventDefault();
        if (active >= 0) pick(active); else if (results.length === 1) pick(0);
      } else if (ev.key === 'Escape') {
        ev.preventDefault();
        ev.stopPropagation();
        if (!list.hidden) close(); else if (onEscape) onEscape();
      }
    });
  }

  // ---- final list -------------------------------------------------------------
  function finalCodes() {
    var out = [], seen = {};
    function push(system, code, display, from) {
      var k = key(system, code);
      if (seen[k]) return;
      seen[k] = true;
      out.push({ system: system, code: code, display: display, from: from });
    }
    state.items.forEach(function (it) {
      if (it.status === 'accepted') push(it.s.system, it.s.code, it.s.display, 'accepted');
      else if (it.status === 'replaced') push(it.replacement.system, it.replacement.code, it.replacement.display, 'replaces ' + it.s.code);
    });
    state.added.forEach(function (a) { push(a.system, a.code, a.display, 'added'); });
    out.sort(function (a, b) { return sysRank(a.system) - sysRank(b.system); });
    return out;
  }

  function renderFinal() {
    var list = $('final');
    clear(list);
    var codes = finalCodes();
    codes.forEach(function (c) {
      list.appendChild(el('li', { 'data-testid': 'final-code', 'data-code': c.code, 'data-system': c.system }, [
        el('span', { 'class': 'sys', text: c.system }), ' ', el('strong', { text: c.code }), ' ', clip(c.display, 70),
        el('span', { 'class': 'from', text: c.from })
      ]));
    });
    if (!codes.length) list.appendChild(el('li', { 'class': 'empty', text: 'Accept, replace or add codes to build the final list.' }));
    $('final-n').textContent = String(codes.length);
    $('copy').disabled = codes.length === 0;
  }

  function copyFinal() {
    var codes = finalCodes();
    var text = codes.map(function (c) { return c.system + '\t' + c.code + '\t' + c.display; }).join('\n') + '\n';
    function fallback() {
      var ta = el('textarea', { 'class': 'clip', readonly: true, 'aria-hidden': 'true' });
      ta.value = text;
      document.body.appendChild(ta);
      ta.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      document.body.removeChild(ta);
      $('copy').focus();
      return ok ? Promise.resolve() : Promise.reject(new Error('the browser refused to copy'));
    }
    var p = (navigator.clipboard && window.isSecureContext) ? navigator.clipboard.writeText(text).catch(fallback) : fallback();
    p.then(function () { announce('Copied ' + codes.length + ' code' + (codes.length === 1 ? '' : 's') + ' to the clipboard.'); })
      .catch(function (err) { showError('Copy failed: ' + err.message); });
  }

  // ---- suggest ----------------------------------------------------------------
  function selectedSystems() {
    var boxes = document.querySelectorAll('input[name=system]:checked');
    return Array.prototype.map.call(boxes, function (b) { return b.value; });
  }

  function setEditing(on) {
    $('note').hidden = !on;
    $('view').hidden = on;
    $('edit').hidden = on || !state.text;
    if (on) closePopover();
  }

  function suggest() {
    if (state.busy) return;
    var text = $('note').hidden ? state.text : $('note').value;
    showError('');
    if (!text.trim()) { showError('Paste or load a note first.'); setEditing(true); $('note').focus(); return; }
    var systems = selectedSystems();
    if (!systems.length) { showError('Choose at least one code system.'); return; }
    var bytes = new TextEncoder().encode(text);
    if (bytes.length > MAX_NOTE_BYTES) { showError('The note is ' + Math.ceil(bytes.length / 1024) + ' KB; the server accepts notes up to 100 KB.'); return; }
    state.busy = true;
    $('suggest').disabled = true;
    $('results').setAttribute('aria-busy', 'true');
    announce('Suggesting codes…');
    var my = ++state.seq;
    api('POST', '/v1/suggest', { text: text, systems: systems, setting: $('setting').value }).then(function (r) {
      if (my !== state.seq) return;
      var data = r.data || {};
      state.text = text;
      state.bytes = bytes;
      state.requestId = data.requestId || r.res.headers.get('X-Request-Id') || '';
      state.items = (data.suggestions || []).map(function (s) { return { s: s, status: 'pending', replacement: null, marks: [] }; });
      state.rejected = (data.rejected || []).map(function (rj) { return { r: rj, marks: [] }; });
      state.added = [];
      state.current = -1;
      assignColours(state.items);
      var bad = renderNote();
      renderResults(data);
      setEditing(false);
      var msg = summary(data);
      if (bad) msg += ' ' + bad + ' evidence span' + (bad === 1 ? '' : 's') + ' did not match the note and ' + (bad === 1 ? 'is' : 'are') + ' not highlighted.';
      announce(msg);
      if (state.items.length) select(0, false, true);
      else $('results').focus();
    }).catch(function (err) {
      if (my !== state.seq) return;
      showError('Suggest failed: ' + err.message);
      announce('No result.');
    }).then(function () {
      if (my !== state.seq) return;
      state.busy = false;
      $('suggest').disabled = false;
      $('results').removeAttribute('aria-busy');
    });
  }

  function summary(data) {
    var n = state.items.length, counts = {};
    state.items.forEach(function (it) { counts[it.s.system] = (counts[it.s.system] || 0) + 1; });
    var parts = Object.keys(counts).sort(function (a, b) { return sysRank(a) - sysRank(b); })
      .map(function (k) { return counts[k] + ' ' + k; });
    var msg = n === 0 ? 'No codes suggested.' : n + ' suggestion' + (n === 1 ? '' : 's') + ' (' + parts.join(', ') + ').';
    if (state.rejected.length) msg += ' ' + state.rejected.length + ' rejected by rules.';
    var sets = data.codeSets || {};
    var rel = Object.keys(sets).sort().map(function (k) { return k + ' ' + (sets[k].release || ''); });
    if (rel.length) msg += ' Code sets: ' + rel.join(', ') + '.';
    return msg;
  }

  function renderResults() {
    $('reqid').textContent = state.requestId ? 'request ' + state.requestId : '';
    $('reqid').setAttribute('data-request-id', state.requestId);
    var ol = $('suggestions');
    clear(ol);
    var frag = document.createDocumentFragment();
    state.items.forEach(function (it, i) { frag.appendChild(renderCard(it, i)); });
    ol.appendChild(frag);
    var box = $('rejected-box');
    var ul = $('rejected');
    clear(ul);
    state.rejected.forEach(function (rj) {
      var r = rj.r;
      ul.appendChild(el('li', { 'data-testid': 'rejected-item', 'data-code': r.code, 'data-rule': r.rule }, [
        el('span', { 'class': 'rule', text: r.rule || 'rule' }), ' ',
        el('s', { 'class': 'code', text: r.code }), ' ', clip(r.display, 70),
        r.evidence && r.evidence.length ? assertionChip(r.evidence[0]) : null,
        el('div', { 'class': 'reason', text: r.reason || '' }),
        (rj.marks.length) ? el('button', {
          type: 'button', 'class': 'link', text: 'Show “' + clip(r.evidence[0].text, 40) + '”',
          onclick: function () { scrollToMarks(rj.marks); rj.marks.forEach(function (m) { m.classList.add('flash'); flashOff(m); }); }
        }) : null
      ]));
    });
    $('rejected-n').textContent = String(state.rejected.length);
    box.hidden = state.rejected.length === 0;
    renderFinal();
  }

  // ---- wiring -------------------------------------------------------------------
  function isField(t) {
    return t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
  }

  function init() {
    $('controls').addEventListener('submit', function (ev) { ev.preventDefault(); suggest(); });
    $('edit').addEventListener('click', function () { setEditing(true); $('note').value = state.text; $('note').focus(); });
    $('clear').addEventListener('click', function () {
      $('note').value = '';
      setEditing(true);
      $('note').focus();
    });
    $('file').addEventListener('change', function () {
      var f = this.files && this.files[0];
      if (!f) return;
      f.text().then(function (t) {
        $('note').value = t;
        setEditing(true);
        announce('Loaded ' + f.name + '. Press Suggest.');
        $('suggest').focus();
      }).catch(function (err) { showError('Could not read ' + f.name + ': ' + err.message); });
      this.value = '';
    });
    $('copy').addEventListener('click', copyFinal);
    document.querySelector('form.api').addEventListener('submit', function (ev) { ev.preventDefault(); });
    $('view').addEventListener('click', function (ev) {
      var m = ev.target.closest('mark');
      if (!m) { closePopover(); return; }
      ev.stopPropagation();
      openPopover(m);
    });
    document.addEventListener('click', function (ev) {
      var pop = $('popover');
      if (!pop.hidden && !pop.contains(ev.target)) closePopover();
    });
    combo($('add-q'), $('add-list'), function () { var s = selectedSystems(); return s.length === 1 ? s[0] : ''; }, function (pick) {
      if (!state.requestId) { showError('Code a note first: feedback belongs to a request.'); return; }
      feedback(pick.system, pick.code, 'added', 'added by coder').then(function () {
        state.added.push(pick);
        renderFinal();
        $('add-q').value = '';
        announce('Added ' + pick.code + '.');
      }).catch(function (err) { showError('Could not add ' + pick.code + ': ' + err.message); });
    });
    document.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); suggest(); return; }
      if (ev.key === 'Escape') { closePopover(); return; }
      if (ev.ctrlKey || ev.metaKey || ev.altKey || isField(ev.target)) return;
      var i = state.current;
      switch (ev.key) {
        case 'j': case 'n': ev.preventDefault(); move(1); break;
        case 'k': case 'p': ev.preventDefault(); move(-1); break;
        case 'a': if (i >= 0) { ev.preventDefault(); decide(i, 'accepted'); } break;
        case 'r': if (i >= 0) { ev.preventDefault(); decide(i, 'rejected'); } break;
        case 'e': if (i >= 0) { ev.preventDefault(); openReplace(i); } break;
      }
    });
    renderFinal();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
