/* Offline search over this language's index (src/search/index.rs).
   Results are built with text nodes, never HTML. */
(function () {
  "use strict";
  var idx = window.fieldguideSearch, doc = window.document,
    fold = {}, ign = /[\u0300-\u036f\u064b-\u065f\u0670\u0640\u00ad\u200c\u200d\u02bc\u093c\u094d\u09bc\u09cd]/, word;
  if (!idx) return;
  // The rules of src/search/normalise.rs, with its table; both are tested
  // on src/search/cases.tsv.
  idx.f.split(" ").forEach(function (g) {
    var i = g.indexOf("=");
    Array.from(g.slice(i + 1)).forEach(function (c) { fold[c] = g.slice(0, i); });
  });
  // Where the index says so (Hausa), letters joined by ' or \u2019 are one
  // word (`ma'aikaci`), its term without them; so are letters one by one
  // after dots (`U.N.`: `un`). In scripts written without spaces (U:
  // Chinese, Japanese kana, Thai, Lao, Khmer, Myanmar) each character with
  // its marks is a unit, a word of its own.
  var unit = /$^/;
  try {
    var c = "[\\p{Alphabetic}\\p{M}\\p{N}" + ign.source.slice(1), m = "[\\p{M}\\uff9e\\uff9f" + ign.source.slice(1),
      U = "[\\u0e00-\\u0eff\\u1000-\\u109f\\u1780-\\u17ff\\u19e0-\\u19ff\\u3005-\\u3007\\u3040-\\u30ff\\u31f0-\\u31ff" +
        "\\u3400-\\u4dbf\\u4e00-\\u9fff\\ua9e0-\\ua9ff\\uaa60-\\uaa7f\\uf900-\\ufaff\\uff66-\\uff9f\\u{20000}-\\u{323af}]",
      a = "(?:(?!" + U + ")\\p{Alphabetic})";
    unit = new RegExp("^" + U, "u");
    word = "(?:(?!" + U + ")" + c + ")+";
    word = new RegExp("(?=" + c + ")" + U + m + "*|" + a + "(?:\\." + a + "(?!" + c + "))+|" +
      (idx.a ? word + "(?:['\u2019]" + word + ")*" : word), "gu");
  } catch (e) {
    // Old browsers: split at spaces and punctuation.
    word = /[^\s!-\/:-@\[-`{-~\u00a1-\u00bf\u2010-\u206f\u3000-\u303f]+/g;
  }
  // An Ethiopic syllable as its consonant and a mark of its vowel
  // (normalise.rs `push_letter`: `ፋይል` starts `ፋይሎች`); a Greek letter
  // without its tonos or diaeresis (`διαβατηριο`, *διαβατήριο*).
  function term(w) {
    return Array.from(w.normalize("NFKC").toLowerCase().replace(/['\u2019.\s]/g, "").replace(/[\u0386-\u03ce]/g, function (c) { return c.normalize("NFD"); })).map(function (c) {
      return ign.test(c) ? "" : fold[c] || c;
    }).join("").replace(/[\u1200-\u135a]/g, function (c) {
      var n = c.charCodeAt(0), o = n & 7;
      return o == 5 ? c : String.fromCharCode(n - o + 5, 4969 + o);
    });
  }
  // The terms of s. With phrases (a query), units one after the other are
  // one query word, their terms joined by spaces.
  function words(s, phrases) {
    var out = [], m, t, u, after = false, end = -1;
    for (word.lastIndex = 0; (m = word.exec(s));) {
      if (!(t = term(m[0]))) continue;
      u = unit.test(m[0]);
      if (phrases && u && after && m.index === end) out[out.length - 1] += " " + t;
      else out.push(t);
      after = u; end = m.index + m[0].length;
    }
    return out;
  }
  window.fieldguideWords = words;

  // The affix rules of src/search/affix.rs, read the same way; both are
  // tested on src/search/affix_cases.tsv.
  var R = idx.r;
  function len(s) { return Array.from(s).length; }
  function cut(s, x) { return s.slice(0, s.length - x[0].length) + x[1]; }
  // What a query word may stand for: itself, then least stripped first.
  // A letter typed for another from the rule's place on (Arabic `سوال`:
  // `سؤال`; Ukrainian `информации`: `інформації`) makes another form, one
  // at a time and all at once, each with its endings too. Not without a
  // verb's prefix (R.o): see find.
  function variants(w) {
    var n = len(w), stems = [w], out = [];
    function add(v) { if (out.indexOf(v) < 0) out.push(v); }
    R.o || R.p.forEach(function (p) { if (w.startsWith(p[0]) && n - len(p[0]) >= p[1]) stems.push(w.slice(p[0].length)); });
    R.w.forEach(function (x) {
      for (var i = x[2]; (i = w.indexOf(x[0], i)) >= x[2]; i++) stems.push(w.slice(0, i) + x[1] + w.slice(i + x[0].length));
      stems.push(w.slice(0, x[2]) + w.slice(x[2]).split(x[0]).join(x[1]));
    });
    stems.forEach(function (s) {
      add(s);
      R.s.concat(R.i, R.q).forEach(function (x) { if (s.endsWith(x[0]) && len(s) - len(x[0]) >= x[2]) add(cut(s, x)); });
    });
    // The word first, then the longest (the sort keeps ties in order).
    return [w].concat(out.slice(1).sort(function (a, b) { return len(b) - len(a); }));
  }
  // A word's group under rules that make groups (Arabic).
  function group(t) {
    var s = t, i, p, x;
    for (i = 0; i < R.p.length; i++) {
      p = R.p[i];
      if (p[2] == 1 && s.startsWith(p[0]) && len(s) - len(p[0]) >= p[1]) { s = s.slice(p[0].length); break; }
    }
    for (i = 0; i < R.s.length; i++) {
      x = R.s[i];
      if (s.endsWith(x[0]) && len(s) - len(x[0]) >= x[2]) return cut(s, x);
    }
    return s;
  }
  function loose(t) {
    for (var i = 0, p; i < R.p.length; i++) {
      p = R.p[i];
      if (!p[2] && t.startsWith(p[0]) && len(t) - len(p[0]) >= p[1]) return t.slice(p[0].length);
    }
  }
  // The head of a compound (German `pass`: *Reisepass*), where the rules
  // say how many letters come before it (`offene` is not *Betroffene*):
  // affix.rs `is_head`.
  function head(s, q) { return R.c && s.endsWith(q) && len(q) > 3 && len(s) - len(q) >= R.c; }
  window.fieldguideAffix = { variants: variants, group: group, head: head };

  // Vocabulary: separators at their numbers; front-coded words and terms,
  // each term with its group when the index carries one.
  var W = [], T = [], G = [], isWord = [], stop = [], opens = [],
    ws = idx.w ? idx.w.split(" ") : [], ts = idx.t.split(" "), k = 0, j = 0, w = "", t = "";
  function digit(s, i) { var d = s.charCodeAt(i) - 35; return d > 57 ? d - 1 : d; }
  function decode(s) {
    for (var out = new Int32Array(s.length), n = 0, v = 0, d, i = 0; i < s.length; i++) {
      d = digit(s, i);
      if (d < 64) { out[n++] = v * 64 + d; v = 0; } else v = v * 27 + d - 63;
    }
    return out.subarray(0, n);
  }
  while (j < ws.length || k < idx.s.length) {
    if (k < idx.s.length && idx.s[k][0] === W.length) {
      var sep = idx.s[k++][1];
      W.push(sep); T.push(""); G.push(null); isWord.push(0);
      // A separator that ends a sentence: . ! ? ; (and the forms of
      // Arabic, Urdu, Hindi, Burmese, Amharic, Armenian) then a space, a
      // full-width one (Chinese, Japanese: no space follows), or the end
      // of a block (a line break: a paragraph, list item, table cell or
      // heading). One that also opens the next (`? \u00bf`, `. \u00ab`) is
      // shared by both.
      stop.push(/[.!?;\u061f\u061b\u06d4\u2026\u0964\u0965\u104b\u1362\u0589]\S*\s|[\u3002\uff01\uff1f\uff1b]|\n/.test(sep));
      opens.push(/\s\S+$/.test(sep));
    } else {
      var e = ts[j], b = e.indexOf("!"), c = b < 0 ? e : e.slice(0, b);
      w = w.slice(0, digit(ws[j], 0)) + ws[j].slice(1);
      t = c ? t.slice(0, digit(c, 0)) + c.slice(1) : w;
      c = e.slice(b + 1);
      G.push(b < 0 ? null : c[0] === "!" ? t.slice(digit(c, 1), t.length - digit(c, 2)) + c.slice(3)
        : t.slice(0, t.length - digit(c, 0)) + c.slice(1));
      j++;
      W.push(w); T.push(t); isWord.push(1); stop.push(false); opens.push(false);
    }
  }
  // Groups the index does not carry: made from the affix rules as
  // src/search/stem.rs does (Arabic), else each word is its own.
  var carried = G.map(function (g) { return g !== null; });
  G = G.map(function (g, n) { return !isWord[n] ? "" : g !== null ? g : R.g ? group(T[n]) : T[n]; });
  if (R.g) {
    var terms = new Set(T), found = new Set(G);
    G.forEach(function (g, n) {
      var rest = isWord[n] && !carried[n] && loose(T[n]);
      if (rest && (terms.has(rest) || found.has(group(rest)))) G[n] = group(rest);
    });
  }
  // Units (see words): no space is implied beside one.
  var units = W.map(function (w, n) { return isWord[n] && unit.test(w); });
  // For tests: each word's term, the group the index carries, its group.
  window.fieldguideGroups = function () {
    return T.map(function (t, n) { return [t, carried[n] ? G[n] : null, G[n]]; }).filter(function (x, n) { return isWord[n]; });
  };
  // Each term and group key leads to group numbers; a group lists its
  // words, most frequent first (the index is in order of frequency).
  var gid = new Map(), members = [], keys = new Map(), sorted;
  function key(s, g) {
    var a = keys.get(s);
    if (!a) keys.set(s, a = []);
    if (a.indexOf(g) < 0) a.push(g);
  }
  G.forEach(function (g, n) {
    if (!isWord[n]) return;
    var id = gid.get(g);
    if (id === undefined) { gid.set(g, id = members.length); members.push([]); }
    members[id].push(n);
    key(T[n], id);
    key(g, id);
  });
  sorted = Array.from(keys.keys()).sort();
  // Misspellings are matched to words as written and to Arabic words
  // without their affixes, not to Snowball stems (`interven`).
  var spelt = new Set(T.concat(R.g ? G.filter(function (g, n) { return !carried[n]; }) : [])),
    written = sorted.filter(function (s) { return spelt.has(s); });
  var docs = idx.docs.map(function (d) {
    var p = idx.pubs[d[0]];
    return { pub: p, url: p[1] + d[1], title: decode(d[2]), text: decode(d[3]), sec: d[4], lang: d[5], dir: d[6] };
  });

  // Edit distance with transpositions (optimal string alignment), or
  // max + 1 once it must exceed max.
  function osa(a, b, max) {
    var n = a.length, m = b.length, p2 = [], p1 = [], c, i, j, lo;
    for (j = 0; j <= m; j++) p1[j] = j;
    for (i = 1; i <= n; i++) {
      c = [i]; lo = i;
      for (j = 1; j <= m; j++) {
        c[j] = Math.min(p1[j] + 1, c[j - 1] + 1, p1[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) c[j] = Math.min(c[j], p2[j - 2] + 1);
        if (c[j] < lo) lo = c[j];
      }
      if (lo > max) return max + 1;
      p2 = p1; p1 = c;
    }
    return p1[m];
  }
  // The closest word of the site to a word not found: one edit, two from
  // eight letters; ties go to the least stripped variant, then to the word
  // that shares the longest start with it (typos come late more often),
  // then to one as long (a swap or a wrong letter), then to the most
  // frequent word (`informd`: `informed`, not `inform`, when the site says
  // it more often), else group.
  // Letters that sound alike are one (the index's `h`: Spanish `ll` and
  // `y`, `v` and `b`): `yamar` is one edit from `llama`, not two.
  var often = new Map(), said = written.map(snd);
  function snd(x) { R.h.forEach(function (h) { x = x.split(h[0]).join(h[1]); }); return x; }
  T.forEach(function (t, n) { if (isWord[n] && !often.has(t)) often.set(t, n); });
  function typo(vs) {
    var best = [3], pick;
    vs.forEach(function (v, vi) {
      // Two edits from eight letters of the form compared: `wananchi`
      // without its `wa-` (`nanchi`) is not `nani`.
      var k = len(v) >= 8 ? 2 : 1;
      // Without its affixes only where they are written joined (Arabic):
      // elsewhere `early` stripped to `ear` would be one edit from `far`.
      // Nor where prefixes are a verb's (`просители` is not `просит`).
      if (len(v) < 3 || (vi > 0 && (R.o || !R.p.length))) return;
      written.forEach(function (s, si) {
        if (Math.abs(s.length - v.length) > k) return;
        // As said where that is closer, else as written (`cinica`, one
        // letter short of `clinica`, is two from it as said: `sinica`).
        for (var m = Math.min(k, best[0]), d = osa(v, s, m), p = 0; v[p] && v[p] === s[p];) p++;
        if (R.h[0]) d = Math.min(d, osa(snd(v), said[si], m));
        var c = [d, vi, -p, Math.abs(s.length - v.length), often.has(s) ? often.get(s) : members[keys.get(s)[0]][0]];
        for (var i = 0; i < 5 && c[i] === best[i];) i++;
        if (d <= k && c[i] < best[i]) { best = c; pick = s; }
      });
    });
    return pick;
  }
  // Separators that keep two words together: spaces, hyphens and
  // apostrophes (`presqu'île`, typed `presquile`), not the end of a block.
  var joiner = W.map(function (w, n) { return !isWord[n] && /^[\s\-\u2010\u2011'\u2019]+$/.test(w) && !/\n/.test(w); });
  // The word after the one at i in text x, a joiner between them allowed;
  // past the end when another separator comes first.
  function after(x, i) { return isWord[x[i + 1]] ? i + 1 : joiner[x[i + 1]] ? i + 2 : x.length; }
  // A number for each vocabulary entry (bits: query words, pages).
  function flags() { return new Uint32Array(W.length); }
  // Calls f with each key that starts with p, in order.
  function each(p, f) {
    for (var lo = 0, hi = sorted.length, mid; lo < hi;) { mid = (lo + hi) >> 1; if (sorted[mid] < p) lo = mid + 1; else hi = mid; }
    for (; lo < sorted.length && sorted[lo].startsWith(p); lo++) f(sorted[lo]);
  }
  // A word split in two: each way to cut it into a key and the start of
  // a key (or a whole one) of two letters or more (`case` + `work`: the
  // site has `case workers`), kept where a page has the two next to each
  // other, with at most a space or hyphen between. A word of four letters
  // only as two keys of two with a hyphen between (`wifi`, `wi-fi`): else
  // a typo (`onse`) would be read as `on se…` rather than corrected. The
  // pages that have it (page number -> 1) and the words of its two halves
  // (not 0). A number with its unit is cut after the number too (`72h`,
  // `5km`: `72 hours`, `5 km`).
  function split(q) {
    var a = flags(), b = flags(), n = 0, on = {}, used = 0, i, u = /^\d+\D/.test(q), four = q.length < 5 && !u;
    function mark(x, s, bit) {
      (keys.get(s) || []).forEach(function (g) { members[g].forEach(function (t) { x[t] |= bit; }); });
    }
    for (i = 1; i <= q.length - 2 + u && n < 30; i++) if (keys.has(q.slice(0, i)) && (!four || i == 2)) {
      if (four) mark(b, q.slice(i), 1 << n);
      else each(q.slice(i), function (s) { mark(b, s, 1 << n); });
      mark(a, q.slice(0, i), 1 << n++);
    }
    if (n) docs.forEach(function (d, p) {
      [d.title, d.text].forEach(function (x) {
        for (var j = 0, m; j < x.length; j++) if ((m = a[x[j]] & b[x[joiner[x[j + 1]] ? j + 2 : four ? -1 : j + 1]])) { on[p] = 1; used |= m; }
      });
    });
    for (i = 0; i < W.length; i++) a[i] = (a[i] | b[i]) & used;
    return used ? { docs: on, toks: a } : null;
  }

  // A number the site writes in groups within a line (`+234 800 123 4567`,
  // `24/7`, `1,000,000`, Arabic `١٬٠٠٠`): each such run with its page, read once. A query number is a
  // run joined (`2348001234567`, `247`), or five digits or more of one
  // (`8001234567`; `08001234567`, its trunk 0 off; `00234…`, the
  // international 00); or, where the page's starts with a trunk 0, the
  // query's after a country code of up to three digits (`+33123456789`,
  // `0033123456789` for `01 23 45 67 89`).
  var runs;
  function joined(q) {
    var on = {}, a = flags(), used = 0, d = q.replace(/^0+/, ""), num = /^\d+$/;
    if (!/^\d{3,}$/.test(q)) return null;
    if (!runs) runs = [], docs.forEach(function (doc, p) {
      [doc.title, doc.text].forEach(function (x) {
        for (var j = 0, k, i, r; j < x.length; j = k + 1) {
          for (r = [x[j]], k = j; isWord[x[k]] && num.test(T[x[k]]); r.push(x[k = i])) {
            i = isWord[x[k + 1]] ? k + 1 : k + 2;
            if (!num.test(T[x[i]]) || !(isWord[x[k + 1]] || /^[ \u00a0\u202f\-.,\u066c\/()+]{1,3}$/.test(W[x[k + 1]]))) break;
          }
          if (r.length > 1) runs.push([r.map(function (t) { return T[t]; }).join(""), p, r]);
        }
      });
    });
    runs.forEach(function (r) {
      if (r[0] === q || (d.length >= 5 && r[0].indexOf(d) >= 0) || (r[0][0] === "0" && r[0].length > 6 && d.endsWith(r[0].slice(1)) && d.length - r[0].length < 3)) {
        on[r[1]] = used = 1;
        r[2].forEach(function (t) { a[t] = 1; });
      }
    });
    return used ? { docs: on, toks: a } : null;
  }

  // An acronym the site writes out (`PEP`, *post-exposure prophylaxis*;
  // `DOB`, *date of birth*): words one after the other within a block
  // whose first letters spell it, the first and last not function words; one
  // between them is skipped when its letter is not the next (`FTR`,
  // *family tracing and reunification*; `ID` is not *it does*).
  var first;
  function initials(q) {
    var on = {}, a = flags(), used = 0, r = [], n = q.length, c = q.charCodeAt(0) * 2, e = new Set(R.e);
    // Each word's first letter, doubled, plus 1 for a function word; read
    // once, as the scan reads the whole index.
    first = first || W.map(function (w, t) { return isWord[t] ? T[t].charCodeAt(0) * 2 + e.has(T[t]) : 0; });
    if (/^[a-z]{2,6}$/.test(q)) docs.forEach(function (d, p) {
      [d.title, d.text].forEach(function (x) {
        for (var j = 0, i, k, f; j < x.length; j++) if (first[x[j]] === c) {
          for (i = j, k = 0; k < n && isWord[x[i]]; i = after(x, i)) {
            if ((f = first[x[i]]) >> 1 === q.charCodeAt(k)) r[k++] = x[i];
            else if (!(f & 1)) break;
          }
          if (k === n && !(first[r[n - 1]] & 1)) for (on[p] = used = 1; k;) a[r[--k]] = 1;
        }
      });
    });
    return used ? { docs: on, toks: a } : null;
  }

  // A phrase of units (`知情同意`, Thai `ความลับ`): its units one after the
  // other in a page, with at most a space or hyphen between (Thai writes
  // one between phrases). Each term is looked up once; the scan reads the
  // whole index, as initials does.
  var ids;
  function phrase(q) {
    var on = {}, a = flags(), used = 0, r = [], us = q.split(" "), n = us.length, want = [], k;
    if (!ids) {
      var seen = new Map();
      ids = new Int32Array(W.length).fill(-1);
      T.forEach(function (t, i) { if (isWord[i]) { if (!seen.has(t)) seen.set(t, seen.size); ids[i] = seen.get(t); } });
      ids.of = seen;
    }
    for (k = 0; k < n; k++) if ((want[k] = ids.of.get(us[k])) === undefined) return null;
    docs.forEach(function (d, p) {
      [d.title, d.text].forEach(function (x) {
        for (var j = 0, i; j < x.length; j++) if (ids[x[j]] === want[0]) {
          for (i = j, k = 0; k < n && ids[x[i]] === want[k]; i = after(x, i)) r[k++] = x[i];
          if (k === n) for (on[p] = used = 1; k;) a[r[--k]] = 1;
        }
      });
    });
    return used ? { docs: on, toks: a } : null;
  }

  // A number typed in other groups than the page's (`0722 000 000` for
  // `+254 722 000 000`, `+33 1 23 45 67 89` for `01 23 45 67 89`): its
  // groups as one, when one of them alone finds nothing (not the one
  // being typed: `2018 2` is not `20182`), and the whole does (`24/7` on
  // a page that says *24 hours* finds it by `24`).
  // At most 6 groups (no phone number has more): a pasted column of
  // numbers is not tried as one number from each of its places.
  function join(a, typing) {
    for (var i = 0, j, f, s; i < a.length; i++) {
      for (j = i, f = 0; j < i + 6 && /^\d+$/.test(a[j]); j++) f |= !find(a[j]).g.size && !(typing && !a[j + 1]);
      s = a.slice(i, j).join("");
      if (f && j > i + 1 && (find(s).g.size || find(s).pair)) a.splice(i, j - i, s);
    }
    return a;
  }

  // The key two query words make as one, or the first of its variants
  // that is one (`care givers`: `caregiver`).
  function one(a, b) { return variants(a + b).find(keys.has, keys); }

  // Hindi, Nepali and Bengali typed in Latin letters, as phones mostly
  // type them (`sahmati`, *सहमति*; `sommoti`, *সম্মতি*): a word read as its
  // consonants, loosely (the two scripts share their layout; `sh` is `s`,
  // `bh` `b`; vowels, `y`, `v`, `w`, an `h` not first and the nasal ending
  // a verb, `badle` for *बदलें*, left out; a letter doubled written once),
  // and the words of the site read alike.
  var roman;
  function consonants(w) {
    return w.replace(/[\u0900-\u09ff]/g, function (c) {
      var o = c.charCodeAt(0) & 127;
      return o == 2 ? "N" : o == 11 || o == 67 ? "r" : o == 78 ? "t" : o == 47 && c > "\u0980" ? "j" : "kkggnccjjnttddnttddnnppbbmyrrlllvsssh".charAt(o - 21);
    }).replace(/N$/, "").toLowerCase().replace(/z/g, "j").replace(/f/g, "p").replace(/(.)h/g, "$1")
      .replace(/m(?=[pb])/g, "n").replace(/[aeiouyvw]/g, "").replace(/(.)\1+/g, "$1");
  }
  function romanised(q) {
    var c = /^[a-z]{3,}$/.test(q) && consonants(q);
    if (c && !roman) roman = new Map(), written.forEach(function (s) {
      var k = /[\u0900-\u09ff]/.test(s) && consonants(s);
      if (k) roman.set(k, (roman.get(k) || []).concat(s));
    });
    return c && c.length > 1 && roman.get(c) || [];
  }

  // Serbian (and Bosnian, Montenegrin) typed in Latin letters, as most
  // phones type it, on a site written in Cyrillic (`pasos`, *пасош*;
  // `upucivanje`, *упућивање*): the site's Cyrillic words read in Latin
  // letters without their marks (`đ` is typed `dj` or `d`), and the query
  // word finds those it is or starts, else those it starts without its
  // last vowel (`trgovina`: *трговине*; the site's case ending, not the
  // query's, and no stemmer for Serbian to tell them apart).
  var latin;
  function serbian(q) {
    if (!/^(sr|bs|cnr)\b/.test(idx.lang) || !/^[a-z]{3,}$/.test(q)) return [];
    var b = (q = q.replace(/dj/g, "d")).replace(/[aeiou]$/, ""), f = function (p) {
      return latin.filter(function (l) { return l[0].startsWith(p); }).map(function (l) { return l[1]; });
    };
    latin = latin || written.filter(function (s) { return /^[а-шђјљњћџ]+$/.test(s); }).map(function (s) {
      return [s.replace(/љ/g, "lj").replace(/њ/g, "nj").replace(/џ/g, "dz").replace(/[^a-z]/g, function (c) {
        return "abvgddezzijjklmnoprstcufhccs"["абвгдђежзийјклмнопрстћуфхцчш".indexOf(c)];
      }), s];
    });
    return f(q).length ? f(q) : b.length > 3 ? f(b) : [];
  }

  // The groups a query word finds, each with a tier: 3 the word or its
  // group, 2 a variant, words it starts (as one types) or a word that
  // starts it, 1 a correction.
  var cache = new Map();
  function find(q, typing, up, end) {
    var id = q + (typing ? " " : "") + (up ? "^" : "") + (end ? "$" : ""), hit = cache.get(id), tiers = new Map(), vs, fix, pair, i;
    if (hit) return hit;
    // A unit is found as itself; units one after the other (see words), as
    // a phrase: never by their start, a variant or a correction.
    if (unit.test(q)) {
      if (q.indexOf(" ") > 0) pair = phrase(q);
      else add(q, 3);
      hit = { g: tiers, pair: pair };
      cache.set(id, hit);
      return hit;
    }
    function add(s, tier) {
      (keys.get(s) || []).forEach(function (g) { if (!(tiers.get(g) >= tier)) tiers.set(g, tier); });
    }
    // Else the first variant that is a key, or whose group is (Arabic:
    // `موافقته`, `موافقه`, group `موافق`): affix.rs `found_variant`.
    if (keys.has(q)) add(q, 3);
    else for (vs = variants(q), i = 1; i < vs.length; i++) {
      // An ending off never leaves a function word (`being` is not `be`;
      // `nest` is `n'est`).
      if (q.startsWith(vs[i]) && R.e.indexOf(vs[i]) >= 0) continue;
      if (keys.has(vs[i])) { add(vs[i], 2); break; }
      if (R.g && keys.has(group(vs[i]))) { add(group(vs[i]), 2); break; }
    }
    // Else the word with a letter joined before it, as a page writes it
    // (Arabic `سكن`, `السكن`: the page's `بسكن`). The index takes such a
    // letter off only where the rest is a word of the site too; without
    // this, `سكن` was corrected to `السكان` (the population). A verb's
    // prefix (R.o), also before the words a form of it starts
    // (`направити`: *Перенаправляйте*). A query's only (2: Arabic `ت` of a
    // present tense, `نشر` for *تنشر*) not where the site writes the form
    // it makes with the article, a noun (`جار` is not `التجار`).
    if (!tiers.size) (vs || variants(q)).some(function (v) {
      return R.p.some(function (p) {
        if (p[2] != 1 && len(v) >= p[1] && !(p[2] > 1 && R.p.some(function (a) { return a[2] == 1 && keys.has(a[0] + p[0] + v); })))
          R.o ? each(p[0] + v, function (s) { add(s, 2); }) : add(p[0] + v, 2);
        return tiers.size;
      });
    });
    // Words it starts: from two letters as one types, else three (`7` of
    // `24/7` is not `72`); a Korean syllable counts two (`동의` finds the
    // page's `동의를`: Korean writes particles joined to the word). Not
    // after a taa marbuta, which only ends a word (`المرأة` is not the
    // start of `المراهق`, though both are written `ه` here), nor after an
    // acronym typed in capitals that the site has (`МОМ`, not *момент*).
    if (!end && !(up && tiers.size) && len(q) + (q.match(/[\uac00-\ud7a3]/g) || []).length > (typing ? 1 : 2)) each(q, function (s) { add(s, 2); });
    if (R.c) written.forEach(function (s) { if (head(s, q)) add(s, 2); });
    // Else words another form of it starts, as that form would find them
    // (`photos`: `photo`, *photograph*; `threats`, *threatened*).
    if (!tiers.size && vs) for (i = 1; i < vs.length && !tiers.size; i++) if (len(vs[i]) > 3 && !(q.startsWith(vs[i]) && R.e.indexOf(vs[i]) >= 0)) each(vs[i], function (s) { add(s, 2); });
    // Else, where prefixes are a verb's, what the word without one finds,
    // not as a correction (`опубликовать`: *публикуйте*; `просители` is
    // not `просит`).
    if (R.o) R.p.forEach(function (p) {
      if (!tiers.size && q.startsWith(p[0]) && len(q) - len(p[0]) >= p[1] && !(hit = find(q.slice(p[0].length))).fix) hit.g.forEach(function (t, g) { tiers.set(g, 2); });
    });
    // Else two words the site writes apart (`safehouse`, `safe house`;
    // `email`, `e-mail`): a key, then a key or a word's start, next to each
    // other in a page (not `healthcare` for `health … care`); else the
    // same for its variants (`emails`, `email`), least stripped first.
    if (!tiers.size && (len(q) >= 4 || /^\d+\D/.test(q))) (vs || variants(q)).some(function (v) { return (pair = split(v)); });
    // Else a number the site writes in groups, typed whole or as another
    // form of it (`24x7`: `247`, *24/7*).
    if (!tiers.size && !pair) (vs || variants(q)).some(function (v) { return (pair = joined(v)); });
    // Else an acronym of words the site writes out (`STIs`: *sexually
    // transmitted infections*), before a misspelling when typed in
    // capitals (`DOB` is not `do`), else after (`whta` is `what`).
    // Two letters only in capitals: `it` is a word, `IT` an acronym.
    function ac() { if (!tiers.size && !pair && (up || len(q) > 2)) (vs || variants(q)).some(function (v) { return (pair = initials(v)); }); }
    if (!tiers.size && !pair) romanised(q).concat(serbian(q)).forEach(function (s) { add(s, 2); });
    if (up) ac();
    // Never a number to another (`116`, a hotline, is not `16`), nor an
    // acronym of three letters typed in capitals to a word (`NRM` is not
    // *nom*; `ILGZ` is *Ilgaz*).
    if (!tiers.size && len(q) >= (up ? 4 : 3) && !pair && !/^\d+$/.test(q) && (fix = typo(vs || variants(q)))) add(fix, 1);
    ac();
    // Else a longer form of a word of the site (`respiration`, `respirer`):
    // the longest key that starts it, of four letters and half the word.
    for (i = q.length - 1; !tiers.size && !pair && i >= 4 && i * 2 >= q.length; i--) add(q.slice(0, i), 2);
    // Shown as the most frequent word spelt like the key, else of its group.
    if (fix) {
      hit = members[keys.get(fix)[0]];
      fix = hit.filter(function (n) { return T[n] === fix; }).concat(hit)[0];
    }
    hit = { g: tiers, fix: fix, pair: pair };
    cache.set(id, hit);
    return hit;
  }

  // A phrase of units no page has whole (`同意を得る`, where the page says
  // 同意を得て) is looked for as its pairs of units, each a query word, as
  // search engines read Chinese.
  function pairs(a, w) {
    var u = w.split(" "), i;
    if (u.length < 3 || find(w).pair) a.push(w);
    else for (i = 1; i < u.length; i++) a.push(u[i - 1] + " " + u[i]);
    return a;
  }

  // mask: the query words (bits) each vocabulary entry matches; pmask,
  // those of words split in two, only in the pages of pb (bits of a page);
  // cb: pb of the page at hand.
  // exact: found as the word or its group (not by its start, a variant or
  // a correction); typed: as the word itself.
  var mask, exact, typed, pmask, pb, cb = 0, M, fixes, results = [];
  function hits(t) { return mask[t] | (pmask[t] & cb); }
  function pc(x) { for (var c = 0; x; x &= x - 1) c++; return c; }
  // Ranks the pages: all words found together first (then the reader's
  // language before a page shown untranslated); of those, for two words or
  // more, the ones with every word as a word (not only the start of a
  // longer one: `nyumba` is not `nyumbani`); of the others, those with the
  // words few pages have; then words in the title (twice, once more as
  // the word) and headings, then how many words, how many exactly, how
  // many as typed, how close together, how often; then site order. A
  // query done (given in the address, or submitted) has no word still
  // being typed: the one being typed counts as a word wherever a word
  // starts with it.
  function query(q, done) {
    // Words typed in capitals (`DOB`, `STIs`, `D.O.B.`, Russian `МОМ`), and
    // typed to their end (a taa marbuta, its vowel marks aside).
    var up = new Set(words((q.match(/(^|[^A-Za-z\u0400-\u04ff])[A-Z\u0401\u0410-\u042f][A-Z\u0401\u0410-\u042f.]+s?(?![a-z\u0430-\u045f])/g) || []).join(" "))),
      end = new Set(words((q.match(/\S*\u0629[\u064b-\u0652]*(?![^\s.,;:!?)\u00bb"'\u060c\u061b\u061f])/g) || []).join(" "))),
      typing = !done && !/\s$/.test(q), qs = join(words(q, true).slice(0, 64), typing).reduce(pairs, []).filter(function (w, i, a) { return a.indexOf(w) === i; }).slice(0, 30),
      kept = qs.filter(function (w) { return R.e.indexOf(w) < 0 || up.has(w); }), need;
    // Function words left out; one typed in capitals is an acronym (`IT`).
    // Not when what is left is the first letter being typed (`how to r`),
    // which finds nothing yet: the page would flash "no results".
    if (kept.length && !(typing && kept.length === 1 && kept[0] === qs[qs.length - 1] && len(kept[0]) < 2)) qs = kept;
    // A misspelling of a function word (`whta`, `teh`) is one too: left
    // out, else its correction finds pages for `what` alone.
    kept = qs.filter(function (w, i) {
      var f = find(w, typing && i === qs.length - 1, up.has(w), end.has(w));
      return f.fix === undefined || R.e.indexOf(T[f.fix]) < 0;
    });
    // The word being typed may be the one left out.
    if (kept.length) { typing = typing && kept[kept.length - 1] === qs[qs.length - 1]; qs = kept; }
    M = qs.length; need = Math.ceil(M / 2);
    mask = flags(); exact = flags(); typed = flags(); fixes = [];
    pmask = flags(); pb = new Uint32Array(docs.length);
    qs.forEach(function (w, i) {
      var last = typing && i === M - 1, f = find(w, last, up.has(w), end.has(w)), bit = 1 << i, n;
      // Not a misspelling where it makes a word of the site with the next
      // or the last (`care giver`: *caregiver*, not *gives*).
      if (f.fix >= 0 && (one(w, qs[i + 1]) || one(qs[i - 1], w))) f = { g: new Map() };
      f.g.forEach(function (tier, g) {
        members[g].forEach(function (n) {
          mask[n] |= bit;
          if (tier > 2 || (last && tier > 1)) exact[n] |= bit;
          if (tier > 2 && T[n] === w) typed[n] |= bit;
        });
      });
      if (f.pair) {
        for (n = 0; n < W.length; n++) if (f.pair.toks[n]) pmask[n] |= bit;
        for (n in f.pair.docs) pb[n] |= bit;
      }
      fixes.push(f.fix);
    });
    // Two words the site writes as one (`hand-washing`, `hand washing` for
    // `handwashing`; `care givers`, *caregiver*): its pages have both.
    qs.forEach(function (w, i) {
      var both = 3 << i;
      if (i + 1 < M) (keys.get(one(w, qs[i + 1])) || []).forEach(function (g) {
        members[g].forEach(function (n) { mask[n] |= both; exact[n] |= both; typed[n] |= both; });
      });
    });
    results = [];
    var found = [];
    if (M) docs.forEach(function (d, n) {
      var title = 0, tx = 0, ex = 0, ty = 0, head = 0, seen = 0, count = 0, span = 0, last = [], s = 0, sec = d.sec, x = d.text,
        i, m, b, lo, c;
      cb = pb[n];
      // A title word found as the word (as typed, while typing) counts
      // more than one it only starts (`case`: *Case files*, *Casework*).
      d.title.forEach(function (t) { title |= hits(t); ex |= exact[t]; ty |= typed[t]; tx |= typing ? typed[t] : exact[t]; });
      for (i = 0; i < x.length; i++) {
        if (!(m = hits(x[i]))) continue;
        count++; ex |= exact[x[i]]; ty |= typed[x[i]];
        while (s < sec.length && sec[s] + sec[s + 2] <= i) s += 3;
        if (s < sec.length && sec[s] <= i) head |= m;
        // The shortest stretch holding every word found so far.
        if (M > 1) {
          for (b = 0; b < M; b++) if (m >> b & 1) last[b] = i;
          for (lo = i, b = 0; b < M; b++) if ((seen | m) >> b & 1 && last[b] < lo) lo = last[b];
          span = (seen | m) !== seen ? i - lo : Math.min(span, i - lo);
        }
        seen |= m;
      }
      if ((c = pc(seen | title))) {
        found.push({ d: d, n: n, c: c, m: seen | title, tx: tx, h: 2 * pc(title) + pc(tx) + pc(head & ~title), x: pc(ex), t: pc(ty), sp: span, hits: count });
      }
    });
    // A correction no page has with another word the site has is none: a
    // larger site has more words one letter away (`interprète femme`:
    // *fermé*, closed; `delete old records`: *hold*).
    if (M > 1) fixes.forEach(function (f, b) {
      var o = ~(1 << b);
      if (f >= 0 && found.some(function (r) { return r.m & o; }) && !found.some(function (r) { return r.m >> b & 1 && r.m & o; })) {
        // Its pages have it alone.
        fixes[b] = undefined;
        found = found.filter(function (r) { return r.m & o; });
      }
    });
    // Pages with half the words, or with words that weigh half the query:
    // a word few pages have (`refuses`) weighs more than common ones
    // (`victim`, `help`), so a page with it alone is still shown. A word
    // no page has weighs nothing: it tells no page from another, and a
    // question's other words (`how do I know if someone is trafficked`)
    // would otherwise keep out the pages with the one the site has.
    var weight = [], total = 0;
    qs.forEach(function (w, b) {
      var df = 0;
      found.forEach(function (r) { if (r.m >> b & 1) df++; });
      // A correction weighs half: a guess (`taking`, *Making*) tells less
      // than a word the site has (`breaks`).
      weight[b] = Math.log((docs.length + 1) / (df + 1)) / (fixes[b] >= 0 ? 2 : 1);
      if (df) total += weight[b];
    });
    var best = 0;
    // Of pages with some of the words, those with the rarer ones first, a
    // word in the title (as the word) counting twice: on a large site a
    // rare word in passing (`closed`) came before the page titled with
    // the query's other word (`what if the service is closed`).
    // Every word counts as all only together: within 80 words of each
    // other, or one in the title or a heading. A long page that has them
    // in passing, far apart, came before the page titled with most of
    // them (`child survivor referral`: *Referral of a child*).
    found.forEach(function (r) {
      for (var b = 0, got = 0, tw = 0; b < M; b++) if (r.m >> b & 1) got += weight[b], tw += weight[b] * (1 + (r.tx >> b & 1));
      r.all = r.c === M && (M < 2 || r.sp <= 80 || r.h > 0);
      r.w = r.all ? 0 : tw;
      r.a = r.all && M > 1 && r.x === M ? 1 : 0;
      if (r.c >= need || 2 * got >= total) results.push(r);
      if (r.w > best) best = r.w;
    });
    // Never nothing where pages have some of the words: on a large site
    // each word of a long query may be on other pages (`jinsi ya kumpa
    // mtoto rufaa`), none with half of it. Then those with half the best.
    if (!results.length) results = found.filter(function (r) { return 2 * r.w >= best; });
    // The reader's language first (not a page shown untranslated: French
    // `interprete` found *interpreting* of an English page first).
    results.sort(function (a, b) {
      return b.all - a.all || !!a.d.lang - !!b.d.lang || b.a - a.a || b.w - a.w || b.h - a.h || b.c - a.c || b.x - a.x || b.t - a.t ||
        a.sp - b.sp || b.hits - a.hits || a.n - b.n;
    });
    return results;
  }
  // For tests: the pages found and the words searched instead.
  window.fieldguideFind = function (q, done) {
    return {
      pages: query(q, done).map(function (r) { return { url: r.d.url, matched: r.c, of: M }; }),
      fixes: fixes.map(function (f) { return f === undefined ? null : W[f]; })
    };
  };

  var form = doc.getElementById("search-form");
  if (!form) return;
  var input = form.elements.q, status = doc.getElementById("search-status"), fixed = doc.getElementById("search-fix"),
    list = doc.getElementById("search-results"), more = doc.getElementById("search-more"), shown, timer, slow = 0;

  function search(q, done) {
    var t0 = Date.now();
    query(q, done);
    list.textContent = "";
    shown = 0;
    status.textContent = !M ? "" : results.length ? count(results.length) : status.getAttribute("data-none");
    // "Showing results for …", the words searched instead in <em>.
    var parts = fixed.getAttribute("data-text").split("%1");
    fixed.textContent = "";
    fixed.hidden = !fixes.some(function (f) { return f !== undefined; });
    if (!fixed.hidden) {
      text(fixed, parts[0]);
      el("em", "", fixed).textContent = fixes.filter(function (f) { return f !== undefined; })
        .map(function (f) { try { return W[f].toLocaleLowerCase(idx.lang); } catch (e) { return W[f].toLowerCase(); } }).join(" ");
      text(fixed, parts[1]);
    }
    page();
    slow = Date.now() - t0 > 50;
  }

  // "N pages found": the page has the text for a sample number of each
  // plural form; use the one of n's form, with n.
  function count(n) {
    var s = [100, 21, 11, 3, 2, 1, 0], i = 0, cat = { select: function () { return 0; } };
    // The rules of the language the strings are in (English where the
    // site's language has none: not `1 pages` on a Chinese page); without
    // plural rules, the first.
    try { cat = new Intl.PluralRules(status.closest("[lang]").lang); } catch (e) {}
    while (i < s.length - 1 && cat.select(s[i]) !== cat.select(n)) i++;
    return status.getAttribute("data-count-" + s[i]).replace(/\d+/, n);
  }

  function el(tag, cls, parent) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    parent.appendChild(e);
    return e;
  }
  function text(parent, s) { if (s) parent.appendChild(doc.createTextNode(s)); }
  // Tokens from..to as text; matching words in <mark>. A separator at
  // either end is cut at its spaces: a sentence that starts inside one
  // (`? \u00bfSabe`) keeps only its opening mark, one that ends inside it
  // only its closing one.
  function write(parent, toks, from, to) {
    for (var buf = "", prev = 0, i = from, t, w; i < to; i++) {
      t = toks[i];
      // A space between two words, not beside a unit (Chinese, Thai).
      if (isWord[t] && prev && !units[t] && !units[toks[i - 1]]) buf += " ";
      prev = isWord[t];
      w = W[t];
      if (!isWord[t] && i === from) w = w.replace(/^[\s\S]*\s/, "");
      if (!isWord[t] && i === to - 1) w = w.replace(/\s[\s\S]*$/, "");
      if (hits(t)) { text(parent, buf); buf = ""; el("mark", "", parent).textContent = w; }
      else buf += w;
    }
    text(parent, buf.replace(/\s+$/, ""));
  }
  // A dot then a space after a title or an abbreviation (`Dr. Amina`,
  // `approx. 3 days`), or before a word in small letters or a number (`the
  // U.N. agency`), ends no sentence: the snippet showed `Contact Dr.` for
  // `Dr. Amina`.
  var dot = W.map(function (w, n) { return !isWord[n] && /^\.[ \u00a0]+$/.test(w); });
  // French `M.`, Spanish `Dra.`, `Av.`, Russian `ул.` (street), `проф.`.
  var titles = new Set("dr dra mr mrs ms m mm mme mlle prof pr st sr sra srta jr no nr vs cf approx fig art tel dept eg ie av lic ing ул пр пер г им др проф тел".split(" "));
  function abbreviation(x, i) {
    var p = x[i - 1], n = x[i + 1];
    if (!dot[x[i]] || !isWord[p]) return false;
    if (titles.has(T[p])) return true;
    var c = isWord[n] ? W[n].charAt(0) : "";
    return /[0-9]/.test(c) || (c !== c.toUpperCase() && c === c.toLowerCase());
  }
  // The sentence with the most query words, then the most found as typed
  // (`suivi`, not *suivant*, when both are on the page), then as words
  // (not by their start), then the most matches; the first one if only the
  // title matches. Headings count as sentences, after the others.
  function sentence(d) {
    var x = d.text, sec = d.sec, cuts = {}, best = [-1, 0, x.length], from = 0, bits = 0, ty = 0, ex = 0, count = 0, first = -1, i, m;
    for (i = 0; i < sec.length; i += 3) { cuts[sec[i]] = 1; cuts[sec[i] + sec[i + 2]] = 2; }
    function end(to) {
      var score = pc(bits) * 1e8 + pc(ty) * 1e6 + pc(ex) * 1e4 + Math.min(count, 99) * 4 + (cuts[from] === 1 ? 0 : 2);
      if (to > from && score > best[0]) best = [score, from, to, first];
      from = to; bits = ty = ex = count = 0; first = -1;
    }
    for (i = 0; i < x.length; i++) {
      if (cuts[i] && i > from) end(i);
      if ((m = hits(x[i]))) { bits |= m; ty |= typed[x[i]] & m; ex |= exact[x[i]] & m; count++; if (first < 0) first = i; }
      if (stop[x[i]] && !abbreviation(x, i)) { end(i + 1); if (opens[x[i]]) from = i; }
    }
    end(x.length);
    return best;
  }
  // Token i moved by n words towards end (step 1 or -1), not past it; a
  // unit counts a third of a word (a Chinese character, a Thai letter).
  function walk(x, i, n, step, end) {
    for (; n > 0 && i !== end; i += step) n -= units[x[step > 0 ? i : i - 1]] ? 1 / 3 : 1;
    return i;
  }
  function lang(e, l, dir) { if (l) { e.lang = l; e.dir = dir; } }
  function item(r) {
    cb = pb[r.n];
    var d = r.d, li = doc.createElement("li"), a = el("a", "", el("h2", "", li)), p, i,
      s = sentence(d), from = s[1], to = s[2], anchor = "";
    // At most 40 words, from a little before the first match.
    if (walk(d.text, from, 40, 1, to) < to) { from = Math.max(from, walk(d.text, s[3], 12, -1, 0)); to = walk(d.text, from, 40, 1, to); }
    // Link to the section the snippet is in.
    for (i = 0; i < d.sec.length; i += 3) if (d.sec[i] <= from) anchor = "#" + d.sec[i + 1];
    a.href = d.url + anchor;
    write(a, d.title, 0, d.title.length);
    lang(a, d.lang, d.dir);
    p = el("p", "search-pub", li);
    p.textContent = d.pub[0];
    lang(p, d.pub[2], d.pub[3]);
    if (r.c < M) el("p", "search-partial", li).textContent = status.getAttribute("data-partial").replace("%1", r.c).replace("%2", M);
    p = el("p", "search-snippet", li);
    lang(p, d.lang, d.dir);
    if (from > s[1]) text(p, "… ");
    write(p, d.text, from, to);
    if (to < s[2]) text(p, " …");
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
  function run(done) {
    clearTimeout(timer);
    search(input.value, done);
    // Not from file://.
    try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) {}
  }
  // Results as one types: at once while searches are quick, else once
  // typing pauses.
  input.oninput = function () { clearTimeout(timer); timer = setTimeout(run, slow ? 150 : 0); };
  form.onsubmit = function (e) { e.preventDefault(); run(1); };
  var m = /[?&]q=([^&#]*)/.exec(location.search);
  if (m) {
    try { input.value = decodeURIComponent(m[1].replace(/\+/g, " ")); } catch (e) { input.value = m[1].replace(/\+/g, " "); }
    search(input.value, 1);
  }
})();
