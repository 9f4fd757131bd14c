/* Offline search over this language's index (src/search/index.rs).
   Results are built with textContent, never HTML. */
(function () {
  "use strict";
  var idx = window.fieldguideSearch, doc = window.document,
    fold = {}, ign = /[\u0300-\u036f\u064b-\u065f\u0670\u0640\u00ad\u200c\u200d\u02bc]/, word;
  if (!idx) return;
  // The rules of src/search/normalise.rs, with its table; both are tested
  // on src/search/cases.tsv.
  idx.f.split(" ").forEach(function (g) {
    var i = g.indexOf("=");
    Array.from(g.slice(i + 1)).forEach(function (c) { fold[c] = g.slice(0, i); });
  });
  try {
    word = new RegExp("[\\p{Alphabetic}\\p{N}" + ign.source.slice(1) + "+", "gu");
  } catch (e) { // old browsers: split at spaces and punctuation
    word = /[^\s!-\/:-@\[-`{-~\u00a1-\u00bf\u2010-\u206f\u3000-\u303f]+/g;
  }
  function words(s) {
    return (s.match(word) || []).map(function (w) {
      return Array.from(w.toLowerCase()).map(function (c) {
        return ign.test(c) ? "" : fold[c] || c;
      }).join("");
    }).filter(Boolean);
  }
  window.fieldguideWords = words;

  var form = doc.getElementById("search-form");
  if (!form) return;
  var input = form.elements.q, status = doc.getElementById("search-status"),
    list = doc.getElementById("search-results"), more = doc.getElementById("search-more"),
    W = [], terms = [], isWord = [], results = [], mask, shown, timer,
    ws = idx.w ? idx.w.split(" ") : [], ts = idx.t.split(" "), k = 0, j = 0, w = "", t = "";
  function digit(s, i) { var d = s.charCodeAt(i) - 35; return d > 57 ? d - 1 : d; }
  function decode(s) {
    for (var out = [], v = 0, d, i = 0; i < s.length; i++) {
      d = digit(s, i);
      if (d < 64) { out.push(v * 64 + d); v = 0; } else v = v * 27 + d - 63;
    }
    return out;
  }
  // Vocabulary: separators at their numbers; front-coded words and terms.
  while (j < ws.length || k < idx.s.length) {
    if (k < idx.s.length && idx.s[k][0] === W.length) {
      W.push(idx.s[k++][1]); terms.push(""); isWord.push(0);
    } else {
      w = w.slice(0, digit(ws[j], 0)) + ws[j].slice(1);
      t = ts[j] ? t.slice(0, digit(ts[j], 0)) + ts[j].slice(1) : w;
      j++;
      W.push(w); terms.push(t); isWord.push(1);
    }
  }
  var docs = idx.docs.map(function (d) {
    var p = idx.pubs[d[0]];
    return { pub: p, url: p[1] + d[1], title: decode(d[2]), text: decode(d[3]), sec: d[4], lang: d[5], dir: d[6] };
  });

  function search(q) {
    var qs = words(q).filter(function (w, i, a) { return a.indexOf(w) === i; }).slice(0, 30),
      all = (1 << qs.length) - 1;
    results = [];
    // Bit i: the entry starts with query word i (prefixes match as one types).
    mask = new Uint32Array(W.length);
    terms.forEach(function (t, n) {
      for (var i = 0; t && i < qs.length; i++) if (t.lastIndexOf(qs[i], 0) === 0) mask[n] |= 1 << i;
    });
    if (all) docs.forEach(function (d, n) {
      for (var head = 0, seen = 0, hits = 0, first = -1, m, i = 0; i < d.title.length; i++) head |= mask[d.title[i]];
      for (i = 0; i < d.text.length; i++) {
        if ((m = mask[d.text[i]])) { seen |= m; hits++; if (first < 0) first = i; }
      }
      // Every word must match; words found in the title rank first.
      for (m = 0, i = head; i; i >>>= 1) m += i & 1;
      if (((head | seen) & all) === all) results.push({ d: d, n: n, first: first, score: m * 1e7 + hits });
    });
    results.sort(function (a, b) { return b.score - a.score || a.n - b.n; });
    list.textContent = "";
    shown = 0;
    status.textContent = !all ? "" : results.length ? count(results.length) : status.getAttribute("data-none");
    page();
  }

  // "N pages found": the page has the text for a sample number of each
  // plural form; use the one of n's form, with n.
  function count(n) {
    var s = [100, 21, 11, 3, 2, 1, 0], i = 0, cat = function () { return 0; };
    try {
      var rules = new Intl.PluralRules(doc.documentElement.lang);
      cat = function (x) { return rules.select(x); };
    } catch (e) { /* no plural rules */ }
    while (i < s.length - 1 && cat(s[i]) !== cat(n)) i++;
    return status.getAttribute("data-count-" + s[i]).replace(/\d+/, n);
  }

  function el(tag, cls, parent) {
    var e = doc.createElement(tag);
    e.className = cls;
    parent.appendChild(e);
    return e;
  }
  function text(parent, s) { if (s) parent.appendChild(doc.createTextNode(s)); }
  // Tokens from..to as text; matching words in <mark>.
  function write(parent, toks, from, to) {
    for (var buf = "", prev = 0, i = from, t; i < to; i++) {
      t = toks[i];
      if (isWord[t] && prev) buf += " ";
      prev = isWord[t];
      if (mask[t]) { text(parent, buf); buf = ""; el("mark", "", parent).textContent = W[t]; }
      else buf += W[t];
    }
    text(parent, buf.replace(/ $/, ""));
  }
  function lang(e, l, dir) { if (l) { e.lang = l; e.dir = dir; } }
  function item(r) {
    var d = r.d, li = doc.createElement("li"), a = el("a", "", el("h2", "", li)), p, i,
      from = Math.max(0, r.first - 8), to, anchor = "";
    // Link to the section the snippet is in.
    for (i = 0; i < d.sec.length; i += 2) if (d.sec[i] <= r.first) anchor = "#" + d.sec[i + 1];
    a.href = d.url + anchor;
    write(a, d.title, 0, d.title.length);
    lang(a, d.lang, d.dir);
    p = el("p", "search-pub", li);
    p.textContent = d.pub[0];
    lang(p, d.pub[2], d.pub[3]);
    p = el("p", "search-snippet", li);
    lang(p, d.lang, d.dir);
    while (from < r.first && !isWord[d.text[from]]) from++;
    to = Math.min(d.text.length, from + 32);
    if (from) text(p, "… ");
    write(p, d.text, from, to);
    if (to < d.text.length) text(p, " …");
    return li;
  }
  function page() {
    for (var end = Math.min(results.length, shown + 20); shown < end; shown++) list.appendChild(item(results[shown]));
    more.parentNode.hidden = shown >= results.length;
  }
  more.onclick = function () {
    var first = shown;
    page();
    list.children[first].querySelector("a").focus();
  };
  function run() {
    clearTimeout(timer);
    search(input.value);
    try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) { /* file:// */ }
  }
  input.oninput = function () { clearTimeout(timer); timer = setTimeout(run, 100); };
  form.onsubmit = function (e) { e.preventDefault(); run(); };
  var m = /[?&]q=([^&#]*)/.exec(location.search);
  if (m) {
    try { input.value = decodeURIComponent(m[1].replace(/\+/g, " ")); } catch (e) { input.value = m[1]; }
    search(input.value);
  }
})();
