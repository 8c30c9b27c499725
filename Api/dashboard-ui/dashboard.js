// The national dashboard: reads national(from:, to:) from this hub's GraphQL API and shows every figure twice, as a
// chart (when Chart.js was built in) and as a table. A suppressed count is never drawn or written as a number: it is
// marked "suppressed (<threshold)" with the threshold the answer came with.
(function () {
  'use strict';

  var main = document.getElementById('main');
  var endpoint = new URL(main.getAttribute('data-endpoint'), window.location.href).href;
  var chartsBuilt = main.getAttribute('data-charts') === 'true' && typeof window.Chart === 'function';
  var form = document.getElementById('filter');
  var fromInput = document.getElementById('from');
  var toInput = document.getElementById('to');
  var tokenInput = document.getElementById('token');
  var errorsBox = document.getElementById('errors');
  var statusBox = document.getElementById('status');
  var charts = {};
  var shown = false;

  var KINDS = ['STORY', 'WANT', 'OFFER', 'EVENT', 'INSPIRATION', 'CONVERSATION', 'OUTCOME'];
  var COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#8C6D00', '#000000'];
  var DAY = 24 * 60 * 60 * 1000;

  var QUERY = 'query National($from: DateTime, $to: DateTime) { national(from: $from, to: $to) {\n'
    + '  scope suppressionThreshold weeks\n'
    + '  byRegion: activityByWeek(groupBy: [REGION]) { week region count suppressed }\n'
    + '  byKind: activityByWeek(groupBy: [KIND]) { week kind count suppressed }\n'
    + '  byTheme: activityByWeek(groupBy: [THEME]) { week theme count suppressed }\n'
    + '  weeklyTotals { week count suppressed }\n'
    + '  newcomers { week count suppressed }\n'
    + '  membersJoined { week count suppressed }\n'
    + '  introductions { requested connected declined expired met wantsMet }\n'
    + '  linkGraph { from { slug name region } to { slug name region } state sharedKinds receivedKinds since }\n'
    + '} }';

  if (!chartsBuilt) {
    document.getElementById('no-charts').hidden = false;
    Array.prototype.forEach.call(document.querySelectorAll('.chart'), function (c) { c.hidden = true; });
  }

  // ---- the range ----------------------------------------------------------------------------------------------------

  function isoDate(d) { return d.toISOString().slice(0, 10); }

  function initialRange() {
    var params = new URLSearchParams(window.location.search);
    var today = new Date();
    fromInput.value = params.get('from') || isoDate(new Date(today.getTime() - 12 * 7 * DAY));
    toInput.value = params.get('to') || isoDate(today);
  }

  /** The dates as the API takes them: from at 00:00 UTC, to inclusive (so the next day at 00:00 UTC, exclusive). */
  function variables() {
    var problems = [];
    [[fromInput, 'from'], [toInput, 'to']].forEach(function (pair) {
      var input = pair[0];
      var valid = /^\d{4}-\d{2}-\d{2}$/.test(input.value) && !isNaN(Date.parse(input.value + 'T00:00:00Z'));
      input.setAttribute('aria-invalid', valid ? 'false' : 'true');
      if (!valid) {
        problems.push({ code: 'DATE_INVALID', field: pair[1], message: "'" + pair[1] + "' needs a date, as year-month-day." });
      }
    });
    if (problems.length) {
      return { problems: problems };
    }

    var from = Date.parse(fromInput.value + 'T00:00:00Z');
    var to = Date.parse(toInput.value + 'T00:00:00Z');
    // An end before the start goes as it is, so the API refuses it with its own code.
    var end = to < from ? to : to + DAY;
    return { from: new Date(from).toISOString(), to: new Date(end).toISOString() };
  }

  // ---- errors and status --------------------------------------------------------------------------------------------

  function showErrors(errors) {
    errorsBox.textContent = '';
    if (!errors.length) {
      errorsBox.hidden = true;
      return;
    }

    var heading = document.createElement('p');
    heading.textContent = errors.length === 1 ? 'The hub could not answer:' : 'The hub could not answer, for these reasons:';
    errorsBox.appendChild(heading);
    errors.forEach(function (e) {
      var p = document.createElement('p');
      var code = document.createElement('code');
      code.textContent = e.code || 'ERROR';
      p.appendChild(code);
      p.appendChild(document.createTextNode(' ' + (e.message || '')));
      errorsBox.appendChild(p);
      var field = e.field || (e.code === 'RANGE_INVALID' ? 'to' : e.code === 'RANGE_TOO_LONG' ? 'from' : null);
      if (field === 'from' || field === 'to') {
        document.getElementById(field).setAttribute('aria-invalid', 'true');
      }
    });
    errorsBox.hidden = false;
  }

  function errorsOf(status, body) {
    if (body && Array.isArray(body.errors) && body.errors.length) {
      return body.errors.map(function (e) {
        var ext = e.extensions || {};
        return { code: ext.code || e.code, message: e.message, field: ext.field || e.field };
      });
    }

    if (body && body.code) {
      return [{ code: body.code, message: body.detail || body.title || body.message }];
    }

    return status === 200 ? [] : [{ code: 'HTTP_' + status, message: 'The hub answered with status ' + status + '.' }];
  }

  // ---- cells --------------------------------------------------------------------------------------------------------

  function suppressedMark(threshold) {
    var span = document.createElement('span');
    span.className = 'suppressed';
    span.textContent = 'suppressed (<' + threshold + ')';
    span.title = 'Withheld: fewer than ' + threshold + ', or hidden so that such a count cannot be worked out from the others.';
    return span;
  }

  function countCell(cell, threshold, tag) {
    var td = document.createElement(tag || 'td');
    td.className = 'n';
    if (cell && cell.suppressed) {
      td.appendChild(suppressedMark(threshold));
      td.setAttribute('data-suppressed', 'true');
    } else if (cell && cell.count !== null && cell.count !== undefined) {
      td.textContent = String(cell.count);
    } else {
      td.textContent = '0';
      td.classList.add('none');
    }

    return td;
  }

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }

    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  /** Whether a cell is worth a row: a count above zero, or a suppressed one (which may be anything from 1 up). */
  function something(cell) { return !!(cell && (cell.suppressed || cell.count)); }

  /**
   * A table of weeks (rows) by keys (columns), with each week's total as the last column when totalsByWeek is given
   * (keyTitle names it). Weeks with nothing in any column are left out; empty is the sentence shown when none is left.
   */
  function weekTable(id, caption, keyTitle, keys, label, cellsByKey, totalsByWeek, weeks, threshold, empty) {
    var box = document.getElementById(id);
    box.textContent = '';
    var rows = weeks.filter(function (w) {
      return (totalsByWeek && something(totalsByWeek[w])) || keys.some(function (k) { return something(cellsByKey[k + '|' + w]); });
    });
    if (!rows.length) {
      box.appendChild(el('p', empty || 'No activity in this range.', { 'class': 'none' }));
      return;
    }

    var table = el('table', null, { id: id + '-data' });
    table.appendChild(el('caption', caption));
    var head = el('thead');
    var tr = el('tr');
    tr.appendChild(el('th', 'Week', { scope: 'col' }));
    keys.forEach(function (k) { tr.appendChild(el('th', label(k), { scope: 'col' })); });
    if (totalsByWeek) {
      tr.appendChild(el('th', 'All ' + keyTitle, { scope: 'col' }));
    }

    head.appendChild(tr);
    table.appendChild(head);
    var body = el('tbody');
    rows.forEach(function (w) {
      var row = el('tr', null, { 'data-week': w });
      row.appendChild(el('th', w, { scope: 'row' }));
      keys.forEach(function (k) {
        var td = countCell(cellsByKey[k + '|' + w], threshold);
        td.setAttribute('data-key', k);
        row.appendChild(td);
      });
      if (totalsByWeek) {
        var total = countCell(totalsByWeek[w], threshold);
        total.setAttribute('data-key', 'total');
        row.appendChild(total);
      }

      body.appendChild(row);
    });
    table.appendChild(body);
    box.appendChild(table);
  }

  // ---- charts -------------------------------------------------------------------------------------------------------

  /** Draws "<threshold" where a suppressed count would be, so a gap is never read as 0. */
  var suppressionMarks = {
    id: 'suppressionMarks',
    afterDatasetsDraw: function (chart, args, options) {
      var ctx = chart.ctx;
      var horizontal = chart.options.indexAxis === 'y';
      var valueScale = horizontal ? chart.scales.x : chart.scales.y;
      var indexScale = horizontal ? chart.scales.y : chart.scales.x;
      var zero = valueScale.getPixelForValue(0);
      chart.data.datasets.forEach(function (ds, i) {
        var meta = chart.getDatasetMeta(i);
        if (!chart.isDatasetVisible(i)) {
          return;
        }

        (ds.suppressed || []).forEach(function (s, j) {
          if (!s) {
            return;
          }

          var bar = meta.data[j];
          var at = bar && isFinite(horizontal ? bar.y : bar.x) ? (horizontal ? bar.y : bar.x) : indexScale.getPixelForValue(j);
          ctx.save();
          ctx.fillStyle = '#6b3f00';
          ctx.font = 'bold 11px system-ui, sans-serif';
          ctx.textBaseline = 'middle';
          if (horizontal) {
            ctx.textAlign = 'left';
            ctx.fillText('suppressed (<' + options.threshold + ')', zero + 4, at);
          } else {
            ctx.translate(at, zero - 4);
            ctx.rotate(-Math.PI / 2);
            ctx.textAlign = 'left';
            ctx.fillText('<' + options.threshold, 0, 0);
          }

          ctx.restore();
        });
      });
    },
  };

  function drawChart(id, type, labels, datasets, threshold, horizontal) {
    if (!chartsBuilt) {
      return;
    }

    if (charts[id]) {
      charts[id].destroy();
    }

    charts[id] = new window.Chart(document.getElementById(id), {
      type: type,
      data: { labels: labels, datasets: datasets },
      plugins: [suppressionMarks],
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { beginAtZero: true, ticks: horizontal ? { precision: 0 } : {} },
          y: { beginAtZero: true, ticks: horizontal ? {} : { precision: 0 } },
        },
        plugins: {
          suppressionMarks: { threshold: threshold },
          legend: { display: datasets.length > 1 },
        },
      },
    });
  }

  function seriesFor(keys, label, cellsByKey, weeks) {
    return keys.map(function (k, i) {
      return {
        label: label(k),
        backgroundColor: COLOURS[i % COLOURS.length],
        data: weeks.map(function (w) { var c = cellsByKey[k + '|' + w]; return c && !c.suppressed ? c.count : c ? null : 0; }),
        suppressed: weeks.map(function (w) { var c = cellsByKey[k + '|' + w]; return !!(c && c.suppressed); }),
      };
    });
  }

  // ---- the sections -------------------------------------------------------------------------------------------------

  function kindLabel(k) { return k.charAt(0) + k.slice(1).toLowerCase(); }

  function index(cells, key) {
    var byKey = {};
    var keys = [];
    cells.forEach(function (c) {
      var k = key(c);
      byKey[k + '|' + c.week] = c;
      if (keys.indexOf(k) < 0) {
        keys.push(k);
      }
    });
    return { byKey: byKey, keys: keys };
  }

  function renderRegions(n, totals) {
    var ix = index(n.byRegion, function (c) { return c.region || '(no region)'; });
    var keys = ix.keys.sort();
    weekTable('regions-table', 'Activity by region and week (weeks without activity are left out)', 'regions', keys, function (k) { return k; }, ix.byKey, totals, n.weeks, n.suppressionThreshold);
    drawChart('regions-chart', 'bar', n.weeks, seriesFor(keys, function (k) { return k; }, ix.byKey, n.weeks), n.suppressionThreshold);
  }

  function renderKinds(n, totals) {
    var ix = index(n.byKind, function (c) { return c.kind; });
    var keys = KINDS.filter(function (k) { return ix.keys.indexOf(k) >= 0; });
    weekTable('kinds-table', 'Activity by kind and week (weeks without activity are left out)', 'kinds', keys, kindLabel, ix.byKey, totals, n.weeks, n.suppressionThreshold);
    drawChart('kinds-chart', 'bar', n.weeks, seriesFor(keys, kindLabel, ix.byKey, n.weeks), n.suppressionThreshold);
  }

  var GROWTH = [['newcomers', 'Newcomer organisations'], ['membersJoined', 'Organisations joining a network']];

  function renderGrowth(n) {
    var byKey = {};
    GROWTH.forEach(function (g) {
      n[g[0]].forEach(function (c) { byKey[g[0] + '|' + c.week] = c; });
    });
    var keys = GROWTH.map(function (g) { return g[0]; });
    var label = function (k) { return GROWTH[keys.indexOf(k)][1]; };
    weekTable('growth-table', 'Newcomer organisations and organisations joining a network, by week (weeks with neither are left out)', null,
      keys, label, byKey, null, n.weeks, n.suppressionThreshold, 'No newcomers and no organisations joining in this range.');
    drawChart('growth-chart', 'bar', n.weeks, seriesFor(keys, label, byKey, n.weeks), n.suppressionThreshold);
  }

  function renderThemes(n) {
    var themes = {};
    n.byTheme.forEach(function (c) {
      var name = c.theme === null ? '(no theme)' : c.theme;
      var t = themes[name] || (themes[name] = { name: name, published: 0, suppressedWeeks: 0 });
      if (c.suppressed) {
        t.suppressedWeeks++;
      } else {
        t.published += c.count;
      }
    });
    var top = Object.keys(themes).map(function (k) { return themes[k]; })
      .sort(function (a, b) { return b.published - a.published || b.suppressedWeeks - a.suppressedWeeks || (a.name < b.name ? -1 : 1); })
      .slice(0, 10);
    var box = document.getElementById('themes-table');
    box.textContent = '';
    if (!top.length) {
      box.appendChild(el('p', 'No activity in this range.', { 'class': 'none' }));
    } else {
      var table = el('table', null, { id: 'themes-table-data' });
      table.appendChild(el('caption', 'The ten themes with the most published activity over the range'));
      var tr = el('tr');
      ['Theme', 'Activity (published weeks)', 'Weeks suppressed'].forEach(function (h) { tr.appendChild(el('th', h, { scope: 'col' })); });
      table.appendChild(el('thead')).appendChild(tr);
      var body = table.appendChild(el('tbody'));
      top.forEach(function (t) {
        var row = body.appendChild(el('tr', null, { 'data-theme': t.name }));
        row.appendChild(el('th', t.name, { scope: 'row' }));
        var onlySuppressed = t.published === 0 && t.suppressedWeeks > 0;
        row.appendChild(countCell(onlySuppressed ? { suppressed: true } : { count: t.published }, n.suppressionThreshold));
        row.appendChild(el('td', String(t.suppressedWeeks), { 'class': 'n' }));
      });
      box.appendChild(table);
    }

    drawChart('themes-chart', 'bar', top.map(function (t) { return t.name; }), [{
      label: 'Activity in published weeks',
      backgroundColor: COLOURS[0],
      data: top.map(function (t) { return t.published === 0 && t.suppressedWeeks > 0 ? null : t.published; }),
      suppressed: top.map(function (t) { return t.published === 0 && t.suppressedWeeks > 0; }),
    }], n.suppressionThreshold, true);
  }

  function renderFunnel(n) {
    var f = n.introductions;
    var rows = [
      ['requested', 'Introductions requested'], ['connected', 'Connected (both said yes)'], ['met', 'Met (said they met)'],
      ['declined', 'Declined'], ['expired', 'Expired unanswered'], ['wantsMet', 'Wants met'],
    ];
    var counted = n.scope !== 'PUBLIC';
    var box = document.getElementById('funnel-table');
    box.textContent = '';
    var table = el('table', null, { id: 'funnel-table-data' });
    table.appendChild(el('caption', 'Introductions and wants met over the range'));
    var tr = el('tr');
    tr.appendChild(el('th', 'Stage', { scope: 'col' }));
    tr.appendChild(el('th', 'Count', { scope: 'col' }));
    table.appendChild(el('thead')).appendChild(tr);
    var body = table.appendChild(el('tbody'));
    rows.forEach(function (r) {
      var row = body.appendChild(el('tr', null, { 'data-stage': r[0] }));
      row.appendChild(el('th', r[1], { scope: 'row' }));
      if (counted) {
        row.appendChild(countCell({ count: f[r[0]], suppressed: f[r[0]] === null }, n.suppressionThreshold));
      } else {
        row.appendChild(el('td', 'not counted in the public view', { 'class': 'none' }));
      }
    });
    box.appendChild(table);
    if (!counted) {
      box.appendChild(el('p', 'Give a national viewer token above to see introductions from networks that opted in.', { 'class': 'help' }));
    }

    var chartBox = document.getElementById('funnel-chart').parentNode;
    chartBox.hidden = !chartsBuilt || !counted;
    if (counted) {
      drawChart('funnel-chart', 'bar', rows.map(function (r) { return r[1]; }), [{
        label: 'Count',
        backgroundColor: rows.map(function (r, i) { return i < 3 ? COLOURS[0] : i < 5 ? COLOURS[5] : COLOURS[2]; }),
        data: rows.map(function (r) { return f[r[0]]; }),
        suppressed: rows.map(function (r) { return f[r[0]] === null; }),
      }], n.suppressionThreshold, true);
    } else if (charts['funnel-chart']) {
      charts['funnel-chart'].destroy();
      delete charts['funnel-chart'];
    }
  }

  var SVG = 'http://www.w3.org/2000/svg';

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) {
      node.textContent = text;
    }

    return node;
  }

  function renderLinks(n) {
    var links = n.linkGraph;
    var nodes = {};
    links.forEach(function (l) { nodes[l.from.slug] = l.from; nodes[l.to.slug] = l.to; });
    var slugs = Object.keys(nodes).sort();
    var graph = document.getElementById('links-graph');
    graph.textContent = '';
    var box = document.getElementById('links-table');
    box.textContent = '';
    if (!links.length) {
      box.appendChild(el('p', 'No active links between networks.', { 'class': 'none' }));
      return;
    }

    // A circle of networks, in slug order, each link a straight line: readable for the tens of networks a hub has.
    var size = 480;
    var centre = size / 2;
    var radius = slugs.length === 1 ? 0 : size / 2 - 90;
    var at = {};
    slugs.forEach(function (s, i) {
      var angle = -Math.PI / 2 + (2 * Math.PI * i) / slugs.length;
      at[s] = { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle), angle: angle };
    });
    var picture = svg('svg', { viewBox: '0 0 ' + size + ' ' + size, role: 'img', 'aria-labelledby': 'links-graph-title' });
    picture.appendChild(svg('title', { id: 'links-graph-title' },
      'Network of networks: ' + slugs.length + ' networks and ' + links.length + ' active links; the table below lists them.'));
    links.forEach(function (l) {
      var a = at[l.from.slug];
      var b = at[l.to.slug];
      var line = picture.appendChild(svg('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y }));
      line.appendChild(svg('title', {}, l.from.name + ' — ' + l.to.name));
    });
    slugs.forEach(function (s) {
      var p = at[s];
      var g = picture.appendChild(svg('g', { 'data-slug': s }));
      g.appendChild(svg('circle', { cx: p.x, cy: p.y, r: 9 }));
      var right = Math.cos(p.angle) >= 0;
      g.appendChild(svg('text', {
        x: p.x + (right ? 14 : -14), y: p.y + 4, 'text-anchor': right ? 'start' : 'end',
      }, nodes[s].name));
      g.appendChild(svg('title', {}, nodes[s].name + ' (' + nodes[s].region + ')'));
    });
    graph.appendChild(picture);

    var table = el('table', null, { id: 'links-table-data' });
    table.appendChild(el('caption', 'Active links between networks'));
    var tr = el('tr');
    ['Network', 'Linked with', 'Shares', 'Receives', 'Active since'].forEach(function (h) { tr.appendChild(el('th', h, { scope: 'col' })); });
    table.appendChild(el('thead')).appendChild(tr);
    var body = table.appendChild(el('tbody'));
    links.forEach(function (l) {
      var row = body.appendChild(el('tr'));
      row.appendChild(el('th', l.from.name + ' (' + l.from.region + ')', { scope: 'row' }));
      row.appendChild(el('td', l.to.name + ' (' + l.to.region + ')'));
      row.appendChild(el('td', l.sharedKinds.map(kindLabel).join(', ') || 'nothing'));
      row.appendChild(el('td', l.receivedKinds.map(kindLabel).join(', ') || 'nothing'));
      row.appendChild(el('td', l.since ? l.since.slice(0, 10) : '–'));
    });
    box.appendChild(table);
  }

  function render(n) {
    var totals = {};
    n.weeklyTotals.forEach(function (t) { totals[t.week] = t; });
    Array.prototype.forEach.call(document.querySelectorAll('.threshold'), function (s) { s.textContent = String(n.suppressionThreshold); });
    renderRegions(n, totals);
    renderKinds(n, totals);
    renderGrowth(n);
    renderThemes(n);
    renderFunnel(n);
    renderLinks(n);
    statusBox.textContent = 'Showing ' + n.weeks[0] + ' to ' + n.weeks[n.weeks.length - 1] + '. Scope: '
      + (n.scope === 'PUBLIC' ? 'PUBLIC (public activity only)' : 'CONSENTED (also what networks opted in to)')
      + '. Counts from 1 to ' + (n.suppressionThreshold - 1) + ' are suppressed, shown as “suppressed (<' + n.suppressionThreshold + ')”.';
    statusBox.setAttribute('data-scope', n.scope);
    statusBox.setAttribute('data-threshold', String(n.suppressionThreshold));
  }

  // ---- loading ------------------------------------------------------------------------------------------------------

  function notShown() {
    return shown ? 'Not updated: see the message above. The figures below are still those of the range shown before.' : 'Nothing shown: see the message above.';
  }

  function load() {
    var vars = variables();
    if (vars.problems) {
      showErrors(vars.problems);
      return Promise.resolve();
    }

    showErrors([]);
    main.setAttribute('aria-busy', 'true');
    statusBox.textContent = 'Loading…';
    var headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json;q=0.9' };
    var token = tokenInput.value.trim();
    if (token) {
      headers.Authorization = /^bearer\s/i.test(token) ? token : 'Bearer ' + token;
    }

    return fetch(endpoint, { method: 'POST', headers: headers, body: JSON.stringify({ query: QUERY, variables: vars }), credentials: 'omit' })
      .then(function (response) {
        return response.json().catch(function () { return null; }).then(function (body) { return { status: response.status, body: body }; });
      })
      .then(function (answer) {
        var errors = errorsOf(answer.status, answer.body);
        if (errors.length || !answer.body || !answer.body.data || !answer.body.data.national) {
          showErrors(errors.length ? errors : [{ code: 'NO_DATA', message: 'The hub gave no national view.' }]);
          statusBox.textContent = notShown();
          return;
        }

        render(answer.body.data.national);
        shown = true;
        var url = new URL(window.location.href);
        url.searchParams.set('from', fromInput.value);
        url.searchParams.set('to', toInput.value);
        window.history.replaceState(null, '', url.pathname + url.search);
      })
      .catch(function (e) {
        showErrors([{ code: 'NETWORK_ERROR', message: 'The hub could not be reached: ' + e.message }]);
        statusBox.textContent = notShown();
      })
      .then(function () { main.setAttribute('aria-busy', 'false'); });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    load();
  });

  initialRange();
  load();
})();
