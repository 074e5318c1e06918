#version 330 core
// The selection highlight: a square ring around a selected sprite, bright with a dark outer edge so it
// reads on light and dark images and on the background alike. Drawn from sprite.vert (HALO) over the
// selection's index list, before the selected sprites are drawn again on top; the inside is left to them.

uniform float uHaloSize;       // the point's side in pixels
uniform float uRing;           // the ring's width in pixels
uniform float uEdge;           // the dark outer edge's width in pixels (0: none)
uniform vec3 uRingColor;
uniform vec3 uEdgeColor;

layout(location = 0) out vec4 fragColor;
layout(location = 1) out int fragItem;   // in a recorded scene: -1, a ring's pixel, kept when recoloured

void main() {
    vec2 p = gl_PointCoord * uHaloSize;
    float d = min(min(p.x, p.y), min(uHaloSize - p.x, uHaloSize - p.y));   // pixels from the outer edge
    if (d >= uRing) discard;
    fragColor = vec4(d < uEdge ? uEdgeColor : uRingColor, 1.0);
    fragItem = -1;
}
