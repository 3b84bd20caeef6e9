// The console's live connection: one SignalR connection per page to /hubs/console.
// - "swap" messages carry HTML fragments whose hx-swap-oob elements htmx applies to the page;
// - the page's view (<body data-live-view="inbox">) is joined on every (re)connect;
// - #live-state[data-state] says connecting | live | reconnecting | offline;
// - after the connection comes back, "console:reconnected" is triggered on <body>, so elements with
//   hx-trigger="console:reconnected from:body" refetch what they may have missed; "console:connected" follows every
//   (re)connect, and window.extensibleLive lets a room's script call the hub (presence in the Inbox room);
// - the server closes a connection whose person signed out or lost rights: the script connects again at once, and when
//   the server refuses the new connection (no session: 401, no membership: 403) or the page's view, or the new
//   connection's rights differ from those the page was rendered with (<body data-live-rights>), it reloads the page,
//   whose own authorization then shows what the person may see now (or the sign-in page).
(function () {
  'use strict';

  const body = document.body;
  const hubUrl = body.dataset.liveHub;
  const view = body.dataset.liveView;
  const rights = body.dataset.liveRights;
  const indicator = document.getElementById('live-state');
  const labels = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline' };
  const titles = {
    connecting: 'Connecting to live updates',
    live: 'Live: changes appear as they happen',
    reconnecting: 'Connection lost: reconnecting; changes will appear once it is back',
    offline: 'Offline: this page is not updating; it will reconnect by itself'
  };

  function setState(state) {
    if (!indicator) return;
    indicator.dataset.state = state;
    indicator.title = titles[state];
    const label = indicator.querySelector('.live-label');
    if (label) label.textContent = labels[state];
  }

  if (!hubUrl) return; // nobody signed in: nothing to listen to
  if (!window.signalR || !window.htmx) {
    setState('offline');
    return;
  }

  // Retry for as long as the page is open: quickly at first, then every 30 s. Past 30 s it counts as offline.
  const offlineAfter = 30000;
  const retryPolicy = {
    nextRetryDelayInMilliseconds: function (context) {
      if (refusedAfterConnecting(context.retryReason)) {
        window.location.reload();
        return null;
      }
      if (context.elapsedMilliseconds > offlineAfter) setState('offline');
      const delays = [0, 1000, 2000, 5000, 10000];
      const delay = context.previousRetryCount < delays.length ? delays[context.previousRetryCount] : 30000;
      return delay + Math.floor(Math.random() * 1000); // jitter: a restarted server is not met by every tab at once
    }
  };

  const connection = new signalR.HubConnectionBuilder()
    .withUrl(hubUrl)
    .withAutomaticReconnect(retryPolicy)
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  connection.on('swap', function (html) {
    if (typeof html !== 'string' || html.length === 0) return;
    // swapStyle "none": nothing is swapped into <body> itself; only the fragment's hx-swap-oob elements apply.
    htmx.swap(document.body, html, { swapStyle: 'none' });
  });

  let everConnected = false;

  // The server answered "not signed in" or "not allowed" to a page that was live before: only a reload shows the person
  // where they stand now. (A page refused from the start, e.g. an account page of someone in no workspace, just waits.)
  function refusedAfterConnecting(error) {
    return everConnected && /Status code '(401|403)'/.test(String(error && error.message));
  }

  async function joinView() {
    if (!view) return true;
    try {
      await connection.invoke('JoinView', view);
      return true;
    } catch (error) {
      console.warn('live: could not join view "' + view + '"', error);
      return false;
    }
  }

  // Whether the connection holds what the page was rendered with (the same session, workspace and role).
  async function sameRights() {
    try {
      return !rights || (await connection.invoke('RightsStamp')) === rights;
    } catch (error) {
      return true; // an older server, or a dropped call: the view's check below still applies
    }
  }

  async function connected() {
    const joined = await joinView();
    if (everConnected && (!joined || !(await sameRights()))) {
      // The person's session or rights changed while the page was open: only the server's page shows what they may do now.
      window.location.reload();
      return;
    }
    setState('live');
    if (everConnected) {
      htmx.trigger(body, 'console:reconnected');
    }
    everConnected = true;
    htmx.trigger(body, 'console:connected');
  }

  connection.onreconnecting(function () { setState('reconnecting'); });
  connection.onreconnected(function () { connected(); });
  // A page being left (a form posted, a link followed) does not reconnect: signing out closes its connection while the
  // browser is already on its way to the next page, which connects for itself.
  let leaving = false;
  window.addEventListener('beforeunload', function () { leaving = true; });
  window.addEventListener('pageshow', function () { leaving = false; });

  connection.onclose(function () {
    // The server closed us (a sign-out or a change of rights closes the connection; so does a restart): connect again
    // now, and let the server decide afresh. Failures back off in start().
    if (leaving) return;
    setState('reconnecting');
    scheduleStart(Math.floor(Math.random() * 1000));
  });

  let startTimer = 0;
  let attempts = 0;

  function scheduleStart(delay) {
    window.clearTimeout(startTimer);
    startTimer = window.setTimeout(start, delay);
  }

  async function start() {
    if (leaving || connection.state !== signalR.HubConnectionState.Disconnected) return;
    try {
      await connection.start();
      attempts = 0;
      await connected();
    } catch (error) {
      if (refusedAfterConnecting(error)) {
        window.location.reload();
        return;
      }
      attempts++;
      setState(everConnected || attempts > 3 ? 'offline' : 'connecting');
      scheduleStart(Math.min(30000, 1000 * Math.pow(2, attempts)) + Math.floor(Math.random() * 1000));
    }
  }

  // The network came back: do not wait for the next retry.
  window.addEventListener('online', function () {
    if (connection.state === signalR.HubConnectionState.Disconnected) scheduleStart(0);
  });

  // For a room's own script (inbox.js): call the hub while connected; "console:connected" on <body> says when it is.
  window.extensibleLive = Object.freeze({
    isConnected: function () { return connection.state === signalR.HubConnectionState.Connected; },
    invoke: function () {
      if (connection.state !== signalR.HubConnectionState.Connected) return Promise.reject(new Error('not connected'));
      return connection.invoke.apply(connection, arguments);
    }
  });

  setState('connecting');
  start();
})();
