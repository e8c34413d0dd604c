/*
 * EKD: help under the search results (the text is in overrides/partials/search.html).
 *
 * - When the search read a typed word otherwise (a typo, "startups" as "start-ups") or left
 *   one out (the site does not have it), "Gezocht naar:" names the words it searched for.
 * - When nothing was found: what was typed, the nearest words the site has ("Bedoelt u:",
 *   each a button that searches for it), and links to the overviews and the budget.
 *
 * It reads a query the same way as the search worker (words.js, with search/woorden.json), and
 * updates whenever Material writes its count line above the results.
 */
(function () {
  "use strict"

  var SUGGESTIONS = 3     /* nearest words offered at most */
  var SHORTEST = 6        /* a shorter word gets no suggestions: too many words are near it */

  function ready(callback) {
    if (document.readyState === "loading")
      document.addEventListener("DOMContentLoaded", callback)
    else
      callback()
  }

  ready(function () {
    var input = document.querySelector(".md-search__input")
    var meta = document.querySelector(".md-search-result__meta")
    var list = document.querySelector(".md-search-result__list")
    var help = document.querySelector("[data-ekd-search-help]")
    var config = document.getElementById("__config")
    if (!input || !meta || !list || !help || !config || !self.EkdSearchWords)
      return
    var read = help.querySelector("[data-ekd-search-read]")
    var none = help.querySelector("[data-ekd-search-none]")
    var suggest = help.querySelector("[data-ekd-search-suggest]")
    var base = new URL(JSON.parse(config.textContent).base, location.href)
    var words = null
    var loading = null

    function load() {
      if (!loading)
        loading = fetch(new URL("search/woorden.json", base).href)
          .then(function (response) { return response.json() })
          .then(function (data) { words = new EkdSearchWords.Words(data.woorden) })
          .catch(function () { loading = null })
      return loading
    }

    function search(query) {
      input.value = query
      input.focus()
      input.dispatchEvent(new Event("input", { bubbles: true }))
      input.dispatchEvent(new KeyboardEvent("keyup", { key: "End", bubbles: true }))
    }

    function suggestion(typed, word, query) {
      var button = document.createElement("button")
      button.type = "button"
      button.className = "ekd-search-help__suggestion"
      button.textContent = word
      button.addEventListener("click", function () {
        search(query.toLowerCase().split(typed).join(word))
      })
      return button
    }

    function update() {
      var query = input.value.trim()
      var answered = meta.textContent.trim() && !/initialiseren/i.test(meta.textContent)
      if (!query || !answered || !words) {
        help.hidden = true
        return
      }
      var reading = words.read(query)
      var found = list.children.length > 0
      read.hidden = !(found && reading.changed)
      if (!read.hidden) {
        var shown = help.querySelector("[data-ekd-search-words]")
        shown.textContent = ""
        reading.parts.forEach(function (part) {
          if (!part.used.length)
            return
          var word = document.createElement(part.how === "known" ? "span" : "strong")
          word.textContent = part.used[0]
          shown.appendChild(word)
          shown.appendChild(document.createTextNode(" "))
        })
      }
      none.hidden = found
      if (!found) {
        help.querySelector("[data-ekd-search-query]").textContent = query
        var box = help.querySelector("[data-ekd-search-suggestions]")
        box.textContent = ""
        reading.parts.forEach(function (part) {
          if (part.how !== "unknown" || part.typed.length < SHORTEST)
            return
          /* One typo more than the search corrects by itself, with the same first letter. */
          words.nearest(part.typed, EkdSearchWords.allowed(part.typed.length) + 1, SUGGESTIONS * 3).filter(function (word) {
            return word[0] === part.typed[0]
          }).slice(0, SUGGESTIONS).forEach(function (word) {
            box.appendChild(suggestion(part.typed, word, query))
            box.appendChild(document.createTextNode(" "))
          })
        })
        suggest.hidden = !box.children.length
      }
      help.hidden = read.hidden && none.hidden
    }

    input.addEventListener("focus", load)
    input.addEventListener("input", load)
    new MutationObserver(function () {
      load().then(update)
    }).observe(meta, { childList: true, characterData: true, subtree: true })
  })
})()
