/**
 * XSS payloads after the OWASP XSS Filter Evasion and PortSwigger cheat sheets. Every payload, if it
 * ran, would call `window.__xss(n)`; tests put them in notice bodies, service names and grievance text
 * and assert that `__xss` was never called and no dangerous node exists in any shadow root.
 */
const P = (n: number) => `window.__xss(${n})`;

export const xssPayloads: string[] = [
  `<script>${P(1)}</script>`,
  `<img src=x onerror="${P(2)}">`,
  `<svg onload="${P(3)}">`,
  `<svg><script>${P(4)}</script></svg>`,
  `<body onload="${P(5)}">`,
  `<iframe src="javascript:${P(6)}"></iframe>`,
  `<a href="javascript:${P(7)}">click</a>`,
  `<a href="JaVaScRiPt:${P(8)}">click</a>`,
  `<a href="&#106;avascript:${P(9)}">click</a>`,
  `<a href="java&#x09;script:${P(10)}">click</a>`,
  `<img src="x" onerror=${P(11)}//>`,
  `<IMG SRC=x OnErRoR=${P(12)}>`,
  `<img src=\`x\` onerror=${P(13)}>`,
  `<input autofocus onfocus="${P(14)}">`,
  `<details open ontoggle="${P(15)}">`,
  `<video><source onerror="${P(16)}"></video>`,
  `<audio src=x onerror="${P(17)}">`,
  `<marquee onstart="${P(18)}">x</marquee>`,
  `<object data="javascript:${P(19)}"></object>`,
  `<embed src="javascript:${P(20)}">`,
  `<form action="javascript:${P(21)}"><button>x</button></form>`,
  `<button formaction="javascript:${P(22)}">x</button>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${P(23)}">`,
  `<svg><animate onbegin="${P(24)}" attributeName="x" dur="1s">`,
  `<svg><a xlink:href="javascript:${P(25)}"><text x="20" y="20">x</text></a></svg>`,
  `<div style="background:url(javascript:${P(26)})">x</div>`,
  `<div style="width:expression(${P(27)})">x</div>`,
  `<style>@import 'javascript:${P(28)}';</style>`,
  `<link rel="stylesheet" href="javascript:${P(29)}">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${P(30)}">`,
  `<base href="javascript:${P(31)}//">`,
  `"><script>${P(32)}</script>`,
  `'><img src=x onerror=${P(33)}>`,
  `</textarea><script>${P(34)}</script>`,
  `</title><script>${P(35)}</script>`,
  `<scr<script>ipt>${P(36)}</scr</script>ipt>`,
  `<<script>${P(37)};//<</script>`,
  `<img src=x:alert(1) onerror=eval(atob('${btoa(P(38))}'))>`,
  `<svg/onload=${P(39)}>`,
  `<body/onpageshow=${P(40)}>`,
  `<img src=1 onerror=\u0077indow.__xss(41)>`,
  `<a href="data:text/html;base64,${btoa(`<script>${P(42)}</script>`)}">x</a>`,
  `<iframe srcdoc="<script>parent.${P(43)}</script>"></iframe>`,
  `<isindex type=image src=1 onerror=${P(44)}>`,
  `<table background="javascript:${P(45)}">`,
  `<noscript><p title="</noscript><img src=x onerror=${P(46)}>">`,
  `<template><img src=x onerror="${P(47)}"></template>`,
  `<select autofocus onfocus=${P(48)}>`,
  `<textarea autofocus onfocus=${P(49)}>`,
  `<keygen autofocus onfocus=${P(50)}>`,
  `<svg><set attributeName="onload" to="${P(51)}"/></svg>`,
  `<x onclick=${P(52)} style=display:block>click</x>`,
  `<img srcset="x" onerror="${P(53)}">`,
  `<picture><source srcset="x"><img onerror="${P(54)}"></picture>`,
  `<style>*{background:url("javascript:${P(55)}")}</style>`,
  `{{constructor.constructor('${P(56)}')()}}`,
  `\${${P(57)}}`,
  `<img src=x onerror="&#x77;indow.__xss(58)">`,
  `<div onpointerover="${P(59)}">hover</div>`,
  `<svg><foreignObject><iframe onload="${P(60)}"></iframe></foreignObject></svg>`,
];

/** Installs the trap and returns the ids of payloads that ran. */
export function installXssTrap(): number[] {
  const ran: number[] = [];
  (window as unknown as { __xss: (n: number) => void }).__xss = (n: number) => ran.push(n);
  return ran;
}

/** Elements and attributes that must never survive sanitising, searched through every shadow root. */
export function dangerousNodes(root: Node): string[] {
  const found: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element) {
      const tag = node.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'base', 'meta', 'link', 'form'].includes(tag)) found.push(`<${tag}>`);
      for (const attr of node.getAttributeNames()) {
        const value = node.getAttribute(attr) ?? '';
        if (attr.startsWith('on')) found.push(`${tag}[${attr}]`);
        if (/^\s*(javascript|data:text\/html)/i.test(value.replace(/[\u0000-\u001f]/g, ''))) found.push(`${tag}[${attr}=${value.slice(0, 30)}]`);
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    node.childNodes.forEach(walk);
  };
  walk(root);
  return found;
}
