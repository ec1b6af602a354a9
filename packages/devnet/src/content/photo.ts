/**
 * The paid "photo": a hand-drawn SVG of the Matterhorn at dawn. Static text, so every paid
 * response is byte-identical (tests and screenshots can compare it).
 */
export const photoSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 500" width="800" height="500" role="img" aria-labelledby="t">
<title id="t">The Matterhorn at dawn</title>
<defs>
<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
<stop offset="0" stop-color="#1b2150"/><stop offset=".45" stop-color="#6b4c8a"/><stop offset=".72" stop-color="#e9877a"/><stop offset="1" stop-color="#ffd39a"/>
</linearGradient>
<radialGradient id="sun" cx=".5" cy=".5" r=".5">
<stop offset="0" stop-color="#fff7d6"/><stop offset=".45" stop-color="#ffd27a"/><stop offset="1" stop-color="#ffb35c" stop-opacity="0"/>
</radialGradient>
<linearGradient id="face" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="#f7b7a3"/><stop offset=".5" stop-color="#b8708a"/><stop offset="1" stop-color="#5c3b66"/>
</linearGradient>
<linearGradient id="shade" x1="1" y1="0" x2="0" y2="1">
<stop offset="0" stop-color="#3d2f5c"/><stop offset="1" stop-color="#221c3d"/>
</linearGradient>
<linearGradient id="lake" x1="0" y1="0" x2="0" y2="1">
<stop offset="0" stop-color="#f0a88a"/><stop offset=".35" stop-color="#7a5a8c"/><stop offset="1" stop-color="#1d2347"/>
</linearGradient>
</defs>
<rect width="800" height="500" fill="url(#sky)"/>
<g fill="#fff" opacity=".75">
<circle cx="62" cy="40" r="1.4"/><circle cx="148" cy="78" r="1"/><circle cx="231" cy="28" r="1.2"/><circle cx="318" cy="62" r=".9"/>
<circle cx="472" cy="34" r="1.1"/><circle cx="566" cy="70" r="1.3"/><circle cx="655" cy="24" r="1"/><circle cx="742" cy="58" r="1.2"/>
</g>
<circle cx="610" cy="300" r="120" fill="url(#sun)"/>
<circle cx="610" cy="300" r="34" fill="#fff3c4"/>
<path d="M0 330 L90 268 L170 300 L260 240 L330 290 L420 250 L520 296 L610 262 L700 292 L800 250 L800 380 L0 380Z" fill="#8a6c9e" opacity=".55"/>
<path d="M0 350 L70 318 L150 336 L230 300 L300 334 L560 330 L640 306 L730 330 L800 312 L800 390 L0 390Z" fill="#5d4a7d" opacity=".8"/>
<path d="M250 372 L352 206 L378 150 L392 92 L404 78 L418 96 L430 150 L468 212 L520 262 L586 318 L640 372Z" fill="url(#shade)"/>
<path d="M392 92 L404 78 L418 96 L430 150 L468 212 L520 262 L586 318 L640 372 L452 372 L436 300 L420 226 L408 160Z" fill="url(#face)"/>
<path d="M378 150 L392 92 L404 78 L418 96 L430 150 L424 146 L414 166 L405 140 L396 170 L386 148Z" fill="#fdf2ee"/>
<path d="M430 150 L468 212 L458 208 L446 226 L440 196Z" fill="#fbe3dc" opacity=".9"/>
<path d="M0 372 L120 344 L220 360 L330 340 L450 356 L560 338 L680 354 L800 342 L800 400 L0 400Z" fill="#2e2a4f"/>
<rect y="396" width="800" height="104" fill="url(#lake)"/>
<path d="M250 398 L352 470 L392 500 L418 500 L468 470 L586 420 L640 398Z" fill="#3d2f5c" opacity=".35"/>
<g stroke="#ffe2b0" stroke-linecap="round" opacity=".55">
<path d="M560 412 H660" stroke-width="2"/><path d="M580 428 H640" stroke-width="1.5"/><path d="M592 444 H628" stroke-width="1"/>
</g>
<g fill="#141a33">
<path d="M0 500 L0 402 L18 380 L28 404 L40 372 L54 406 L66 386 L80 412 L96 396 L110 420 L130 430 L160 450 L200 500Z"/>
<path d="M800 500 L800 396 L784 374 L772 400 L758 366 L744 404 L728 384 L714 414 L694 426 L660 452 L620 500Z"/>
</g>
<text x="24" y="484" font-family="Georgia, serif" font-size="13" fill="#f6e7d8" opacity=".8">Matterhorn, 4,478 m · dawn · mppkit devnet</text>
</svg>
`
