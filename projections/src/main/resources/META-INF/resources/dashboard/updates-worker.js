// The page's live connection, in a worker: an EventSource is an open request for as long as the page is open, and
// a page with one never settles for tools that wait until its network is idle (headless Chromium's
// --virtual-time-budget renders nothing until then). The worker relays what it hears; the EventSource itself still
// reconnects with Last-Event-ID, so the page misses nothing and sees nothing twice.
self.onmessage = start => {
  const source = new EventSource(start.data.url);
  const state = () => (source.readyState === EventSource.CLOSED ? 'closed'
    : source.readyState === EventSource.OPEN ? 'live' : 'reconnecting');
  source.onopen = () => postMessage({ kind: 'connection', state: 'live' });
  source.onerror = () => postMessage({ kind: 'connection', state: state() });
  source.addEventListener('views', message => postMessage({ kind: 'update', update: JSON.parse(message.data),
    lastEventId: message.lastEventId }));
};
