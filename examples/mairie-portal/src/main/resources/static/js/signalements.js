/*
 * The signalement pages' map, as an enhancement: each [data-carte] element (hidden without JavaScript) becomes a
 * Leaflet map of the commune with the reports of data-points; with data-choix, a click or Enter on the focused
 * map (its centre) fills the form's lat and lon, and the "Utiliser ma position" button the device's position.
 * Every page works without it: the lists, and the address searched on the server.
 */
(function () {
  'use strict';

  function ready(fn) {
    if (document.readyState !== 'loading') {
      fn();
    } else {
      document.addEventListener('DOMContentLoaded', fn);
    }
  }

  ready(function () {
    if (!window.L) {
      return;
    }
    document.querySelectorAll('[data-carte]').forEach(setUp);
  });

  function setUp(el) {
    var d = el.dataset;
    el.hidden = false;
    var map = L.map(el, { zoomControl: false });
    L.control.zoom({ zoomInTitle: 'Zoom avant', zoomOutTitle: 'Zoom arrière' }).addTo(map);
    map.attributionControl.setPrefix('Leaflet');
    if (d.tuiles) {
      L.tileLayer(d.tuiles, { maxZoom: Number(d.zoomMax) || 19, attribution: d.attribution || '' }).addTo(map);
    }
    var commune = L.polygon(JSON.parse(d.contour || '[]'), {
      color: '#000091', weight: 2, fill: false, interactive: false
    }).addTo(map);
    map.fitBounds(commune.getBounds());
    if (d.points) {
      fetch(d.points, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (json) { if (json) { points(map, json); } })
        .catch(function () { /* the list below the map says the same */ });
    }
    if (d.choix) {
      choose(map, el);
    }
  }

  function points(map, json) {
    L.geoJSON(json, {
      pointToLayer: function (f, ll) {
        return L.circleMarker(ll, {
          radius: 7, weight: 2, fillOpacity: 0.6, color: f.properties.ouvert ? '#b34000' : '#18753c'
        });
      },
      onEachFeature: function (f, layer) {
        var p = f.properties;
        var box = document.createElement('div');
        var link = document.createElement('a');
        link.href = p.lien;
        link.textContent = p.titre;
        box.appendChild(link);
        var state = document.createElement('p');
        state.textContent = p.etat + (p.recu ? ', reçu le ' + p.recu : '');
        box.appendChild(state);
        layer.bindPopup(box);
      }
    }).addTo(map);
  }

  function choose(map, el) {
    var form = el.closest('form');
    var lat = form.querySelector('[name=lat]');
    var lon = form.querySelector('[name=lon]');
    var said = form.querySelector('#point-choisi');
    var marker = null;

    function put(ll, how) {
      lat.value = ll.lat.toFixed(6);
      lon.value = ll.lng.toFixed(6);
      if (marker) {
        marker.setLatLng(ll);
      } else {
        marker = L.circleMarker(ll, { radius: 9, weight: 3, color: '#000091', fillOpacity: 0.4 }).addTo(map);
      }
      said.textContent = 'Point choisi ' + how + ' (latitude ' + lat.value + ', longitude ' + lon.value
        + '). Il remplace l\u2019adresse : vous pouvez la laisser vide.';
    }

    if (lat.value && lon.value) {
      put(L.latLng(Number(lat.value), Number(lon.value)), 'sur la carte');
    }
    map.on('click', function (e) { put(e.latlng, 'sur la carte'); });
    el.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && e.target === el) {
        e.preventDefault();
        put(map.getCenter(), 'au centre de la carte');
      }
    });
    var mine = form.querySelector('[data-ma-position]');
    if (mine && navigator.geolocation) {
      mine.hidden = false;
      mine.addEventListener('click', function () {
        said.textContent = 'Recherche de votre position\u2026';
        navigator.geolocation.getCurrentPosition(function (pos) {
          var ll = L.latLng(pos.coords.latitude, pos.coords.longitude);
          map.setView(ll, Math.max(map.getZoom(), 16));
          put(ll, 'à votre position');
        }, function () {
          said.textContent = 'Votre position n\u2019est pas disponible : indiquez l\u2019adresse ou choisissez un point'
            + ' sur la carte.';
        }, { enableHighAccuracy: true, timeout: 15000 });
      });
    }
  }
}());
