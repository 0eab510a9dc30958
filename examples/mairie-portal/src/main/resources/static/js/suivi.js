/*
 * Live follow-up of a resident's requests (served by the portal itself, no CDN). The page works without
 * it: this only spares a reload. The server sends the state of the requests through Server-Sent Events;
 * where EventSource is missing or the stream fails, the script asks for the same state every 20 seconds.
 * When the state changes, the zones marked data-suivi-zone are read again from the page's own address,
 * and what changed is said in the polite live region (#suivi-annonce).
 */
(function () {
  'use strict';
  var region = document.getElementById('suivi-annonce');
  if (!region || !window.fetch || !window.JSON || !window.DOMParser) {
    return;
  }
  var streamUrl = region.getAttribute('data-flux');
  var stateUrl = region.getAttribute('data-etat');
  var known;
  try {
    known = JSON.parse(region.getAttribute('data-initial'));
  } catch (e) {
    return;
  }
  var polling = null;
  var failures = 0;

  function byId(state) {
    var out = {};
    state.requests.forEach(function (r) { out[r.id] = r; });
    return out;
  }

  function changes(before, after) {
    var old = byId(before);
    var said = [];
    after.requests.forEach(function (r) {
      var o = old[r.id];
      if (!o) {
        said.push('Nouvelle demande ' + r.reference + ', état : ' + r.status + '.');
        return;
      }
      if (o.status !== r.status) {
        said.push('Votre demande ' + r.reference + ' a changé d\u2019état : ' + r.status + '.');
      }
      if (r.fromCommune > o.fromCommune) {
        said.push(r.fromCommune - o.fromCommune === 1
          ? 'Nouveau message de la mairie sur votre demande ' + r.reference + '.'
          : (r.fromCommune - o.fromCommune) + ' nouveaux messages de la mairie sur votre demande ' + r.reference + '.');
      }
    });
    return said;
  }

  function refreshZones() {
    return fetch(window.location.pathname + window.location.search, {
      credentials: 'same-origin',
      headers: { 'Accept': 'text/html' }
    }).then(function (response) {
      if (!response.ok || response.redirected) {
        throw new Error('page not read again: ' + response.status);
      }
      return response.text();
    }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, 'text/html');
      var zones = document.querySelectorAll('[data-suivi-zone]');
      for (var i = 0; i < zones.length; i++) {
        var zone = zones[i];
        var replacement = fresh.getElementById(zone.id);
        // Never under the resident's fingers: a zone they are typing or choosing in stays as it is.
        if (replacement && !zone.contains(document.activeElement)) {
          zone.innerHTML = replacement.innerHTML;
        }
      }
    });
  }

  function announce(lines) {
    if (lines.length === 0) {
      return;
    }
    region.textContent = '';
    // A fresh text node after the emptying is what screen readers announce.
    window.setTimeout(function () {
      var p = document.createElement('p');
      p.textContent = lines.join(' ');
      region.appendChild(p);
    }, 100);
  }

  function receive(state) {
    if (!state || !state.requests || state.token === known.token) {
      return;
    }
    var said = changes(known, state);
    known = state;
    refreshZones().then(function () { announce(said); }, function () { announce(said); });
  }

  function poll() {
    if (polling) {
      return;
    }
    var ask = function () {
      fetch(stateUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) {
          if (!r.ok || r.redirected) {
            throw new Error('state not read: ' + r.status);
          }
          return r.json();
        })
        .then(receive, function () { /* Signed out or offline: the next tick tries again. */ });
    };
    ask();
    polling = window.setInterval(ask, 20000);
  }

  if (!window.EventSource) {
    poll();
    return;
  }
  var source = new EventSource(streamUrl);
  source.addEventListener('etat', function (event) {
    failures = 0;
    try {
      receive(JSON.parse(event.data));
    } catch (e) {
      /* A malformed event is ignored; the next one carries the whole state again. */
    }
  });
  source.onerror = function () {
    failures++;
    // The browser reconnects by itself after an interrupted stream; a refused one (signed out, proxy
    // without streaming) is closed, or keeps failing: then ask the state from time to time instead.
    if (source.readyState === EventSource.CLOSED || failures >= 3) {
      source.close();
      poll();
    }
  };
}());
