/*
 * EKD: the site's search worker. Material's search box talks to it (overrides/base.html names
 * it as Material's "search" worker, a documented extension point) in Material's messages;
 * the searching is Pagefind's (pagefind/pagefind.js, written by the build with the index:
 * macros/outputs/search_index.py). Nothing here depends on a file name of Material's.
 *
 * - Each typed word is read against the words of the site (words.js): typos, "startups" for
 *   "start-ups", "regiodeal" for "regio deal". A word the site lacks is left out and shown
 *   as missing; it never empties the result.
 * - Pagefind finds pages with Dutch stemming and ranks them by all words; its sections per
 *   heading become the sections Material shows under a page, its excerpts mark whole words.
 * - The site's own entries (an opgave, a partner, a programme or fund, a budget line, a term,
 *   the budget: macros/outputs/search_entries.py) are records in the same index. A query that
 *   is an entry's name or one of its zoekwoorden puts that entry first.
 *
 * tests/browser/test_search.py types everyday queries into the search box and checks the answers.
 */
"use strict"

/* pagefind.js asks `window?.location`: a worker has no window, so declare one (undefined). */
var window

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3  /* Material's message types */
var PAGES = 12          /* pages whose details are loaded for one answer */
var SECTIONS = 3        /* sections shown under a page at most */

var root = new URL("../../../", self.location.href)  /* this file is assets/javascripts/search/ */
importScripts(new URL("assets/javascripts/search/words.js", root).href)

var words = new EkdSearchWords.Words({})
var entries = []        /* the site's own entries (search/woorden.json: ingangen) */
var common = new Set()  /* the words nearly every page has ("de", "van", "in") */
var COMMON = 40
var engine = null
var latest = 0          /* the number of the newest query: older answers are dropped */

function start() {
  var list = fetch(new URL("search/woorden.json", root).href)
    .then(function (response) { return response.json() })
    .then(function (data) {
      words = new EkdSearchWords.Words(data.woorden)
      entries = data.ingangen || []
      common = new Set(Object.keys(data.woorden).sort(function (a, b) {
        return data.woorden[b] - data.woorden[a]
      }).slice(0, COMMON))
    })
  var pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
    return module.options({ basePath: new URL("pagefind/", root).pathname, excerptLength: 24 })
      .then(function () { return module.init() })
      .then(function () { engine = module })
  })
  return Promise.all([list, pagefind])
}

self.addEventListener("message", function (ev) {
  var message = ev.data
  if (message.type === SETUP) {
    start().then(function () { self.postMessage({ type: READY }) })
  } else if (message.type === QUERY) {
    var number = ++latest
    answer(String(message.data || "")).then(function (items) {
      if (number === latest)
        self.postMessage({ type: RESULT, data: { items: items } })
    }, function (error) {
      console.error("Zoeken mislukt:", error)
      self.postMessage({ type: RESULT, data: { items: [] } })
    })
  }
})

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c]
  })
}

/* Pagefind's address ("/partners/#nom") as Material's location ("partners/#nom"). */
function sitePath(url) {
  var path = url.replace(/^\//, "")
  var own = root.pathname.replace(/^\//, "")
  return path.lastIndexOf(own, 0) === 0 ? path.slice(own.length) : path
}

function title(text) {
  return escapeHtml(String(text || "").replace(/\s*¶\s*$/, ""))
}

function normal(text) {
  return String(text || "").toLowerCase().replace(/\s+/g, " ").trim()
}

/* A text with each whole word that starts with an asked word marked. */
function marked(text, asked) {
  var stems = asked.filter(function (word) { return word.length >= 3 })
  return escapeHtml(text).replace(/[0-9A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’‐‑-][0-9A-Za-zÀ-ÖØ-öø-ÿ]+)*/g, function (word) {
    var lower = word.toLowerCase()
    return stems.some(function (stem) { return lower.lastIndexOf(stem, 0) === 0 })
      ? "<mark>" + word + "</mark>" : word
  })
}

function answer(query) {
  var reading = words.read(query)
  var terms = {}
  reading.parts.forEach(function (part) {
    if (part.how === "unknown")
      terms[part.typed] = false
    part.used.forEach(function (word) { terms[word] = true })
  })
  var asked = Array.from(new Set(reading.query.split(" ").filter(Boolean)))
  if (!asked.length || !engine)
    return Promise.resolve([])
  return find(asked).then(function (hits) {
    return Promise.all(hits.slice(0, PAGES).map(function (hit) {
      return hit.result.data().then(function (data) {
        var own = Object.assign({}, terms)
        hit.missing.forEach(function (word) { own[word] = false })
        return { data: data, terms: own }
      })
    }))
  }).then(function (found) {
    return groups(found, asked, normal(query), terms)
  })
}

/* Pagefind's results for all words; when no page has them all, the pages with most of them
   (the words every page has do not count), each with the words it lacks. */
function find(asked) {
  return engine.search(asked.join(" ")).then(function (search) {
    if (search.results.length || asked.length === 1)
      return search.results.map(function (result) { return { result: result, missing: [] } })
    return Promise.all(asked.map(function (word) { return engine.search(word) })).then(function (searches) {
      var byId = new Map()
      searches.forEach(function (search, k) {
        search.results.forEach(function (result) {
          var hit = byId.get(result.id) || { result: result, found: [], weight: 0, score: 0 }
          hit.found.push(asked[k])
          hit.weight += common.has(asked[k]) ? 0 : 1
          hit.score += result.score
          byId.set(result.id, hit)
        })
      })
      return Array.from(byId.values()).sort(function (a, b) {
        return b.weight - a.weight || b.score - a.score
      }).map(function (hit) {
        return { result: hit.result, missing: asked.filter(function (word) { return hit.found.indexOf(word) === -1 }) }
      })
    })
  })
}

/* Pagefind marks a word with the punctuation around it ("<mark>terreinen,</mark>"): mark the word. */
function wholeWords(excerpt) {
  return String(excerpt || "").replace(/<mark>([^<]*)<\/mark>/g, function (all, text) {
    var parts = text.match(/^([^0-9A-Za-zÀ-ÖØ-öø-ÿ]*)(.*?)([^0-9A-Za-zÀ-ÖØ-öø-ÿ]*)$/)
    return parts[2] ? parts[1] + "<mark>" + parts[2] + "</mark>" + parts[3] : text
  })
}

/* Whether an excerpt marks a word that is not one of the most common words of the site. */
function telling(excerpt) {
  var marks = excerpt.match(/<mark>[^<]*<\/mark>/g) || []
  return marks.some(function (mark) {
    return !common.has(mark.slice(6, -7).toLowerCase().replace(/[^0-9a-zà-öø-ÿ'’-]/g, ""))
  })
}

/* Pagefind's results as Material's: a list of pages, each a list of the page and its sections. */
function groups(found, asked, typed, terms) {
  var byPage = new Map()
  found.forEach(function (hit, rank) {
    var data = hit.data
    var score = found.length - rank
    var url = data.meta.adres || data.url  /* an entry's record says where the entry is */
    var page = sitePath(url).split("#")[0]
    var group = byPage.get(page)
    if (!group) {
      group = { score: score, items: [] }
      byPage.set(page, group)
    }
    var add = function (item) {
      if (!group.items.some(function (known) { return known.location === item.location }))
        group.items.push(item)
    }
    if (data.meta.soort) {
      /* An entry of the site's own: a result of its own, with its kind and description. */
      add({
        location: sitePath(url),
        title: (data.meta.title.lastIndexOf(data.meta.soort, 0) === 0 ? "" : escapeHtml(data.meta.soort) + ": ") +
          title(data.meta.title),
        text: data.meta.tekst ? "<p>" + marked(data.meta.tekst, asked) + "</p>" : "",
        score: score,
        terms: hit.terms
      })
    } else {
      add({ location: page, title: title(data.meta.title), text: "<p>" + wholeWords(data.excerpt) + "</p>",
            score: score, terms: hit.terms })
      ;(data.sub_results || []).filter(function (section) {
        return section.url.indexOf("#") !== -1 && telling(section.excerpt)
      }).slice(0, SECTIONS).forEach(function (section, n) {
        var at = sitePath(section.url)
          add({ location: at, title: title(section.title), text: "<p>" + wholeWords(section.excerpt) + "</p>",
                score: score - (n + 1) / (SECTIONS + 1), terms: hit.terms })
      })
    }
  })
  /* Entries the query names, or that have a typed word as zoekwoord: first, in that order. */
  var typedWords = typed.split(" ").filter(function (word) { return !common.has(word) })
  var top = found.length + 2
  entries.forEach(function (entry) {
    var names = entry.namen.concat(entry.zoekwoorden).map(normal)
    var rank = names.indexOf(typed) !== -1 ? 2 * top
      : entry.zoekwoorden.map(normal).some(function (word) { return typedWords.indexOf(word) !== -1 }) ? top : 0
    if (!rank)
      return
    var page = entry.adres.split("#")[0]
    var group = byPage.get(page) || { score: 0, items: [] }
    byPage.set(page, group)
    group.score = Math.max(group.score, rank)
    group.items = group.items.filter(function (item) { return item.location !== entry.adres })
    group.items.push({
      location: entry.adres,
      title: (entry.titel.lastIndexOf(entry.soort, 0) === 0 ? "" : escapeHtml(entry.soort) + ": ") + title(entry.titel),
      text: entry.tekst ? "<p>" + marked(entry.tekst, asked) + "</p>" : "",
      score: rank,
      terms: terms
    })
  })
  var pages = Array.from(byPage.entries())
  pages.sort(function (a, b) {
    return b[1].score - a[1].score
  })
  return pages.map(function (entry) {
    var items = entry[1].items
    /* Material shows the item without an anchor as the page; the rest in order of score. */
    items.sort(function (a, b) {
      return (a.location.indexOf("#") !== -1) - (b.location.indexOf("#") !== -1) || b.score - a.score
    })
    /* Material folds away sections that score below the page: show them all. */
    var top = Math.max.apply(null, items.map(function (item) { return item.score }))
    items.forEach(function (item) { item.score = top })
    return items
  })
}
