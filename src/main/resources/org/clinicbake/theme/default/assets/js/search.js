// Site search in the visitor's browser: loads search-index.json (written by the bake) and shows the
// pages that contain every word typed, best matches first. Nothing is sent anywhere. Without this
// script the search page points to the list of all articles.
(function () {
  'use strict';

  var form = document.getElementById('search-form');
  var input = document.getElementById('search-query');
  var status = document.getElementById('search-status');
  var results = document.getElementById('search-results');
  if (!form || !input || !status || !results || !window.fetch) {
    return;
  }

  // Where a word is found counts for more in a title than in the text.
  var WEIGHTS = { title: 8, topics: 4, description: 3, headings: 2, text: 1 };
  var pages = null;
  // What the page says without a query, to come back to when the box is emptied.
  var start = Array.prototype.slice.call(status.childNodes);
  var root = form.getAttribute('data-index').replace(/search-index\.json$/, '');

  function fold(text) {
    return (text || '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }

  function words(query) {
    return fold(query).split(/[^a-z0-9]+/).filter(function (word) { return word.length > 0; });
  }

  function prepare(page) {
    return {
      page: page,
      title: fold(page.title),
      topics: fold(page.topics.join(' ')),
      description: fold(page.description),
      headings: fold(page.headings.join(' ')),
      text: fold(page.text)
    };
  }

  function score(entry, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var found = 0;
      for (var field in WEIGHTS) {
        if (entry[field].indexOf(terms[i]) !== -1) {
          found += WEIGHTS[field];
        }
      }
      if (found === 0) {
        return 0;
      }
      total += found;
    }
    return total;
  }

  function card(page) {
    var item = document.createElement('li');
    item.className = 'card';
    var title = document.createElement('h2');
    title.className = 'card-title';
    var link = document.createElement('a');
    link.href = root + page.url;
    link.textContent = page.title;
    title.appendChild(link);
    item.appendChild(title);
    if (page.description) {
      var description = document.createElement('p');
      description.className = 'card-description';
      description.textContent = page.description;
      item.appendChild(description);
    }
    var meta = document.createElement('p');
    meta.className = 'card-meta';
    var kind = document.createElement('span');
    kind.className = 'card-kind';
    kind.textContent = page.kind;
    meta.appendChild(kind);
    item.appendChild(meta);
    return item;
  }

  function show(query) {
    var terms = words(query);
    if (!pages) {
      return;
    }
    if (terms.length === 0) {
      results.replaceChildren();
      status.replaceChildren.apply(status, start);
      return;
    }
    var found = pages
      .map(function (entry) { return { entry: entry, score: score(entry, terms) }; })
      .filter(function (match) { return match.score > 0; })
      .sort(function (a, b) { return b.score - a.score || a.entry.title.localeCompare(b.entry.title); });
    var list = document.createElement('ul');
    list.className = 'card-list';
    found.forEach(function (match) { list.appendChild(card(match.entry.page)); });
    results.replaceChildren(list);
    var quoted = '\u201c' + query.trim() + '\u201d';
    status.textContent = found.length === 0
      ? 'No pages match ' + quoted + '. Try fewer or other words, such as the name of a condition.'
      : found.length + (found.length === 1 ? ' page matches ' : ' pages match ') + quoted + '.';
  }

  var pending = null;
  input.addEventListener('input', function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      var url = new URL(window.location.href);
      url.searchParams.set('q', input.value);
      window.history.replaceState(null, '', url);
      show(input.value);
    }, 200);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    show(input.value);
  });

  var query = new URL(window.location.href).searchParams.get('q') || '';
  input.value = query;
  fetch(form.getAttribute('data-index'))
    .then(function (response) { return response.json(); })
    .then(function (index) {
      pages = index.pages.map(prepare);
      show(input.value);
    })
    .catch(function () {
      status.replaceChildren.apply(status, [document.createTextNode('Search could not load here. ')].concat(start));
    });
}());
