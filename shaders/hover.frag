#version 330 core
// The hovered item enlarged, from the finest atlas level on the GPU, with smooth (not thresholded) alpha,
// blended over the scene. Compiled with PANEL it draws the backing panel instead: a translucent square
// with a border in the label's colour (in the selection colour when the item is selected), so the
// enlarged image reads over its neighbours. Two programs rather than a uniform branch: a software
// rasteriser runs both sides of a branch for every pixel.
#include "atlas.glsl"

in vec2 vLocal;
flat in ivec4 vCell;           // where the item's image is (hover.vert)

uniform int uItemState;        // the item's ItemStates bits
uniform int uTintByLabel;
uniform vec3 uTint;
uniform vec3 uSelectedColor;
uniform vec4 uPanelColor;
uniform float uBorder;         // border width as a fraction of the quad side

out vec4 fragColor;

void main() {
#ifdef PANEL
    vec2 d = min(vLocal, 1.0 - vLocal);
    bool border = min(d.x, d.y) < uBorder;
    vec3 edge = (uItemState & STATE_SELECTED) != 0 ? uSelectedColor : uTint;
    fragColor = border ? vec4(edge, 1.0) : uPanelColor;
#else
    vec4 t = cellTexel(vCell, vLocal);
    float a = coverage(t);
    vec3 rgb = uTintByLabel == 1 ? uTint : t.rgb;
    if (uAlphaMode == 0 && uTintByLabel == 0) rgb = vec3(1.0);
    fragColor = vec4(rgb, a);
#endif
}
