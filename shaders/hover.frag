#version 330 core
// The hovered item enlarged, from the finest atlas level, with smooth (not thresholded) alpha,
// blended over the scene. With uPanel = 1 it draws the backing panel instead: a translucent square
// with a border in the label's colour, so the enlarged image reads over its neighbours.
in vec2 vLocal;

uniform sampler2DArray uAtlas;
uniform float uCell;
uniform vec2 uPageSize;
uniform ivec3 uItemCell;       // column, row, page
uniform int uAlphaMode;
uniform int uTintByLabel;
uniform vec3 uTint;
uniform int uPanel;
uniform vec4 uPanelColor;
uniform float uBorder;         // border width as a fraction of the quad side

out vec4 fragColor;

void main() {
    if (uPanel == 1) {
        vec2 d = min(vLocal, 1.0 - vLocal);
        bool border = min(d.x, d.y) < uBorder;
        fragColor = border ? vec4(uTint, 1.0) : uPanelColor;
        return;
    }
    vec2 local = clamp(vLocal * uCell, vec2(0.5), vec2(uCell - 0.5));
    vec2 uv = (vec2(uItemCell.xy) * uCell + local) / uPageSize;
    vec4 t = texture(uAtlas, vec3(uv, float(uItemCell.z)));
    float a = uAlphaMode == 0 ? dot(t.rgb, vec3(0.299, 0.587, 0.114)) : (uAlphaMode == 1 ? t.a : 1.0);
    vec3 rgb = uTintByLabel == 1 ? uTint : t.rgb;
    if (uAlphaMode == 0 && uTintByLabel == 0) rgb = vec3(1.0);
    fragColor = vec4(rgb, a);
}
