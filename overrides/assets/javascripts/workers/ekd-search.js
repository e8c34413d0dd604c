/*
 * EKD: the site's search worker (overrides/base.html points Material to it).
 *
 * Material's own worker does the searching (lunr.js, with the index and settings from
 * mkdocs.yml); this file only changes what it is asked and the order of its answer:
 *
 * - More than one word finds the sections that hold every word (Material: any word). The
 *   Dutch stop words that lunr leaves out of the index ("in", "de", "van") are not asked for.
 * - A word typed in small letters also finds the other forms of that word: it is asked for
 *   as its Dutch stem (lunr's Snowball stemmer), so "samenwerken" finds "samenwerking".
 *   A word with a capital or a digit (a name, an abbreviation) is asked for as typed.
 * - Sections that hold the words as typed, one after the other and as whole words, come
 *   first: "Founded in the North" above a page that has "north" somewhere else. Their
 *   result shows the sentences (list items, table rows) that hold them, with the words
 *   marked; Material would show the first two sentences with any of the words.
 *
 * A query in lunr's own syntax (quotes, + - ~ ^ * or title:) goes to Material unchanged.
 * tests/browser/test_search.py types queries from the data into the search box and checks
 * what comes back; it fails when Material's worker is renamed or answers otherwise.
 */

/* Material's worker (the file name Material's base.html gives), in this folder. */
var MATERIAL_WORKER = "search.a7633da7.min.js"

/* Material's message types: SETUP (index), READY, QUERY, RESULT. */
var SETUP = 0
var QUERY = 2
var RESULT = 3

/* How much higher a section ranks when it holds the whole query as typed. */
var PHRASE_BOOST = 10

/* Lunr's own query syntax: leave such a query alone. */
var LUNR_SYNTAX = /(^|\s)[+-]|["~^*]|(^|\s)(title|text|tags):/

var separator = /\s+/g
var texts = new Map()      /* location -> " word word ... " of its title and text */
var blocks = new Map()     /* location -> its text's blocks (sentences, items, rows), as HTML */
var phrases = []           /* the phrase of each query Material is answering, in order */

/* Material's message listener, caught while its worker script registers it. */
var material = null
self.addEventListener = function (type, listener, options) {
  if (type === "message")
    material = listener
  else
    WorkerGlobalScope.prototype.addEventListener.call(self, type, listener, options)
}
importScripts(MATERIAL_WORKER)
delete self.addEventListener

/* Material answers with postMessage: reorder its results on the way out. */
var post = self.postMessage.bind(self)
self.postMessage = function (message) {
  if (message && message.type === RESULT)
    rerank(message.data, phrases.shift())
  post(message)
}

self.addEventListener("message", function (ev) {
  var message = ev.data
  if (message.type === SETUP)
    setup(message.data)
  else if (message.type === QUERY)
    message = { type: QUERY, data: rewrite(message.data) }
  material({ data: message })
})

function words(text) {
  return text.split(separator).filter(Boolean)
}

function setup(index) {
  separator = new RegExp(index.config.separator, "g")
  texts = new Map()
  blocks = new Map()
  index.docs.forEach(function (doc) {
    var text = (doc.title + " " + doc.text).replace(/<[^>]*>/g, " ")
    texts.set(doc.location, " " + words(text.toLowerCase()).join(" ") + " ")
    blocks.set(doc.location, doc.text.split(/<[^>]*>/).filter(function (block) {
      return block.trim()
    }))
  })
}

/* The query Material gets; notes the phrase its results are ranked by. */
function rewrite(query) {
  var typed = words(query)
  phrases.push(typed.length ? " " + typed.join(" ").toLowerCase() + " " : null)
  if (LUNR_SYNTAX.test(query) || !typed.length || typeof lunr === "undefined" || !lunr.nl)
    return query
  var terms = typed.filter(function (word) {
    return lunr.nl.stopWordFilter(word.toLowerCase())
  })
  if (!terms.length)
    terms = typed
  terms = terms.map(stem)
  if (terms.length === 1)
    return terms[0]
  return terms.map(function (term) { return "+" + term + "*" }).join(" ")
}

/* A word in small letters: its Dutch stem, when that is the start of the word. */
function stem(word) {
  var lower = word.toLowerCase()
  if (word !== lower || !/^[a-zà-ÿ]+$/.test(lower))
    return lower
  var root = lunr.nl.stemmer(new lunr.Token(lower)).toString()
  return root.length >= 3 && lower.indexOf(root) === 0 ? root : lower
}

/* Sections that hold the phrase first; pages in the order of their best section. */
function rerank(result, phrase) {
  if (!phrase || !result || !result.items)
    return
  result.items.forEach(function (group) {
    group.forEach(function (item) {
      var text = texts.get(item.location)
      if (text && text.indexOf(phrase) !== -1) {
        item.score *= PHRASE_BOOST
        var shown = (blocks.get(item.location) || []).map(function (block) {
          return mark(block, phrase)
        }).filter(Boolean).slice(0, 2)
        if (shown.length)
          item.text = shown.join("")
      }
    })
    group.sort(function (a, b) { return b.score - a.score })
  })
  result.items.sort(function (a, b) { return b[0].score - a[0].score })
}

/* A block (escaped text) with the phrase marked, as a paragraph; null without the phrase. */
function mark(block, phrase) {
  var wanted = phrase.trim().split(" ")
  var spans = []                        /* [start, end, word] of each word of the block */
  var pattern = new RegExp(separator.source, "g")
  var start = 0, match
  do {
    match = pattern.exec(block)
    var end = match ? match.index : block.length
    if (end > start)
      spans.push([start, end, block.slice(start, end).toLowerCase()])
    if (match) {
      start = match.index + match[0].length
      if (!match[0].length)
        pattern.lastIndex++
    }
  } while (match)
  for (var i = 0; i + wanted.length <= spans.length; i++) {
    var found = wanted.every(function (word, j) { return spans[i + j][2] === word })
    if (found) {
      var from = spans[i][0], to = spans[i + wanted.length - 1][1]
      return "<p>" + block.slice(0, from) + "<mark>" + block.slice(from, to) + "</mark>" +
        block.slice(to) + "</p>"
    }
  }
  return null
}
