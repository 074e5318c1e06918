#version 330 core
// The hovered item enlarged, from the finest atlas level on the GPU, with smooth (not thresholded) alpha,
// blended over the scene. With uPanel = 1 it draws the backing panel instead: a translucent square
// with a border in the label's colour (in the selection colour when the item is selected), so the
// enlarged image reads over its neighbours.
#include "atlas.glsl"

in vec2 vLocal;

uniform int uItemCell;         // the item's cell number (as the sprites' aCell)
uniform int uItemState;        // the item's ItemStates bits
uniform int uTintByLabel;
uniform vec3 uTint;
uniform vec3 uSelectedColor;
uniform int uPanel;
uniform vec4 uPanelColor;
uniform float uBorder;         // border width as a fraction of the quad side

out vec4 fragColor;

void main() {
    if (uPanel == 1) {
        vec2 d = min(vLocal, 1.0 - vLocal);
        bool border = min(d.x, d.y) < uBorder;
        vec3 edge = (uItemState & STATE_SELECTED) != 0 ? uSelectedColor : uTint;
        fragColor = border ? vec4(edge, 1.0) : uPanelColor;
        return;
    }
    vec4 t = cellTexel(residentCell(uItemCell, 0), vLocal);
    float a = coverage(t);
    vec3 rgb = uTintByLabel == 1 ? uTint : t.rgb;
    if (uAlphaMode == 0 && uTintByLabel == 0) rgb = vec3(1.0);
    fragColor = vec4(rgb, a);
}
