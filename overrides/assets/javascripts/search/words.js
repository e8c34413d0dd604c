/*
 * EKD: how the search reads what a reader typed, against the words the site has
 * (search/woorden.json, written by macros/outputs/search_index.py).
 *
 * Used by the search worker (worker.js: which words to ask Pagefind for) and by the page
 * (help.js: what to tell the reader), so both read a query the same way. Each typed word is:
 *
 * - "known": the site has it, or a word that starts with it (the reader is still typing);
 * - "joined"/"split": the site writes it with or without a hyphen or space ("startups" is
 *   "start-ups" on the site, "regiodeal" is "regio deal");
 * - "corrected": a typo, read as the nearest word the site has ("bedrijventerein" is
 *   "bedrijventerreinen"): one letter off in a word of 5 to 7 letters, two in a longer one;
 * - "unknown": nothing like it on the site. It is left out of the search (it would empty
 *   the result) and shown to the reader as missing.
 */
(function (scope) {
  "use strict"

  var WORD = /[0-9a-zà-öø-ÿ]+(?:['’‐‑-][0-9a-zà-öø-ÿ]+)*/g
  var JOINERS = /['’‐‑-]/g
  var JOINER = /['’‐‑-]/
  var SHORTEST_PREFIX = 3     /* a shorter word is not read as the start of a longer one */
  var SHORTEST_PART = 3       /* "regiodeal" splits into parts of at least this length */

  /* Typos allowed in a word of this length. */
  function allowed(length) {
    return length >= 8 ? 2 : length >= 5 ? 1 : 0
  }

  /* Optimal string alignment distance (a swap of two letters counts once), or max + 1 when
     it is larger than max. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max)
      return max + 1
    var before = null, previous = [], current
    for (var j = 0; j <= b.length; j++)
      previous.push(j)
    for (var i = 1; i <= a.length; i++) {
      current = [i]
      var lowest = i
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1
        var value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          value = Math.min(value, before[j - 2] + 1)
        current.push(value)
        lowest = Math.min(lowest, value)
      }
      if (lowest > max)
        return max + 1
      before = previous
      previous = current
    }
    return previous[b.length]
  }

  function Words(counts) {
    this.counts = counts || {}
    this.list = Object.keys(this.counts)
    this.joined = {}
    for (var k = 0; k < this.list.length; k++) {
      var word = this.list[k]
      var plain = word.replace(JOINERS, "")
      if (plain !== word && !(plain in this.counts))
        this.joined[plain] = word
    }
  }

  Words.prototype.has = function (word) {
    return Object.prototype.hasOwnProperty.call(this.counts, word)
  }

  /* The site has the word, or one that starts with it. */
  Words.prototype.known = function (word) {
    if (this.has(word))
      return true
    if (word.length < SHORTEST_PREFIX)
      return false
    for (var k = 0; k < this.list.length; k++)
      if (this.list[k].lastIndexOf(word, 0) === 0)
        return true
    return false
  }

  /* The word as two words the site has ("regiodeal": ["regio", "deal"]), or null. */
  Words.prototype.split = function (word) {
    for (var at = SHORTEST_PART; at <= word.length - SHORTEST_PART; at++) {
      var left = word.slice(0, at), right = word.slice(at)
      if (this.has(left) && this.has(right))
        return [left, right]
    }
    return null
  }

  /* The words of the site nearest to a word, best first: fewest typos (a typo in the start of
     a longer word counts too), then the most used. At most `count`; within `max` typos. */
  Words.prototype.nearest = function (word, max, count) {
    var found = []
    for (var k = 0; k < this.list.length; k++) {
      var candidate = this.list[k]
      if (candidate === word || /[0-9]/.test(candidate))
        continue
      var d = distance(word, candidate, max)
      if (d > max && candidate.length > word.length && word.length >= 6)
        for (var extra = 0; extra <= 1 && d > max; extra++)
          d = Math.min(d, distance(word, candidate.slice(0, word.length + extra), max))
      if (d <= max)
        found.push([d, -this.counts[candidate], candidate])
    }
    found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : 1) })
    return found.slice(0, count || 1).map(function (item) { return item[2] })
  }

  /* How the search reads a query: per typed word what it searches for, and the words to ask. */
  Words.prototype.read = function (query) {
    var typed = (query.toLowerCase().match(WORD) || [])
    var parts = []
    for (var k = 0; k < typed.length; k++) {
      var word = typed[k], read = { typed: word, used: [word], how: "known" }
      if (this.known(word)) {
        /* as typed */
      } else if (JOINER.test(word)) {
        /* "start-ups" where the site writes "startups", or "start" and "ups" apart */
        var plain = word.replace(JOINERS, "")
        var pieces = word.split(JOINERS).filter(function (piece) { return piece.length >= 2 && this.known(piece) }, this)
        read = this.has(plain) ? { typed: word, used: [plain], how: "joined" }
          : pieces.length ? { typed: word, used: pieces, how: "split" } : { typed: word, used: [], how: "unknown" }
      } else if (this.joined[word]) {
        read = { typed: word, used: [this.joined[word]], how: "joined" }
      } else if (this.split(word)) {
        read = { typed: word, used: this.split(word), how: "split" }
      } else {
        var near = this.nearest(word, allowed(word.length), 1)
        read = near.length ? { typed: word, used: near, how: "corrected" }
                           : { typed: word, used: [], how: "unknown" }
      }
      parts.push(read)
    }
    /* Two typed words the site writes as one ("regio deal": "regiodeal") are asked for both ways. */
    for (k = 0; k + 1 < parts.length; k++) {
      var together = parts[k].typed + parts[k + 1].typed
      if (parts[k].how === "known" && parts[k + 1].how === "known" && this.has(together))
        parts[k + 1].used = parts[k + 1].used.concat([together])
    }
    var asked = []
    parts.forEach(function (part) { asked = asked.concat(part.used) })
    return {
      parts: parts,
      query: asked.join(" "),
      changed: parts.some(function (part) { return part.how === "corrected" || part.how === "unknown" })
    }
  }

  scope.EkdSearchWords = { Words: Words, distance: distance, allowed: allowed }
})(self)
