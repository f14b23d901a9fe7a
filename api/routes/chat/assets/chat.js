// The web chat page: a session id kept on this phone, messages to POST /api/chat, replies shown as bubbles,
// and quick-reply buttons read from the last reply (numbered lines, and the words it asks to answer in quotes).
(function () {
  'use strict';
  var SESSION_KEY = 'levee.chat.session';
  var HISTORY_KEY = 'levee.chat.history';
  var log = document.getElementById('log');
  var quick = document.getElementById('quick');
  var form = document.getElementById('composer');
  var input = document.getElementById('input');
  var send = document.getElementById('send');

  function randomId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function sessionId() {
    var id = localStorage.getItem(SESSION_KEY);
    if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
      id = randomId();
      localStorage.setItem(SESSION_KEY, id);
    }
    return id;
  }

  function history() {
    try { return JSON.parse(localStorage.getItem(HISTORY_KEY) || '[]'); } catch (e) { return []; }
  }

  function remember(entry) {
    var all = history().concat([entry]).slice(-60);
    localStorage.setItem(HISTORY_KEY, JSON.stringify(all));
  }

  function bubble(text, who) {
    var div = document.createElement('div');
    div.className = 'msg ' + who;
    div.textContent = text;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  // Numbered choices ("1 灾情上报") and quoted answers (回复“同意”) become buttons that send that answer.
  function showQuickReplies(text) {
    quick.textContent = '';
    var seen = {};
    var add = function (label, value) {
      if (seen[value] || quick.children.length >= 9) return;
      seen[value] = true;
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.addEventListener('click', function () { submit(value); });
      quick.appendChild(b);
    };
    text.split('\n').forEach(function (line) {
      if (!/^\s*\d\s/.test(line)) return;
      var choice = /(\d)\s+(\S+)/g;
      var m;
      while ((m = choice.exec(line)) !== null) add(m[1] + ' ' + m[2], m[1]);
    });
    var quoted = /“([^”]{1,8})”/g;
    var last = text.split('\n').pop() || '';
    var q;
    while ((q = quoted.exec(last)) !== null) {
      var digit = /^(\d)\s/.exec(q[1]);
      add(q[1], digit ? digit[1] : q[1]);
    }
  }

  function submit(text) {
    text = (text || '').trim();
    if (!text) return;
    bubble(text, 'me');
    remember({ who: 'me', text: text });
    input.value = '';
    send.disabled = true;
    var body = { sessionId: sessionId(), messageId: randomId(), text: text };
    fetch('/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) { return res.json().then(function (json) { return { ok: res.ok, json: json }; }); })
      .then(function (result) {
        if (!result.ok) {
          var message = (result.json && result.json.error && result.json.error.message) || '发送失败，请再试一次';
          bubble(message, 'bot');
          return;
        }
        result.json.replies.forEach(function (reply) {
          bubble(reply.text, 'bot');
          remember({ who: 'bot', text: reply.text });
          showQuickReplies(reply.text);
        });
      })
      .catch(function () { bubble('网络不好，没有发出去。请稍后再点“发送”', 'bot'); })
      .then(function () { send.disabled = false; input.focus(); });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    submit(input.value);
  });

  var past = history();
  past.forEach(function (entry) { bubble(entry.text, entry.who === 'me' ? 'me' : 'bot'); });
  if (past.length === 0) {
    var hello = '您好！有啥子事直接打字说，比如“屋头遭水淹了”。也可以点下面的“你好”开始。';
    bubble(hello, 'bot note');
    showQuickReplies('回复“你好”');
  } else {
    var lastBot = past.filter(function (entry) { return entry.who !== 'me'; }).pop();
    if (lastBot) showQuickReplies(lastBot.text);
  }
})();
