#version 330 core
// Crops the item's cell out of the atlas page with gl_PointCoord and discards texels whose alpha is
// below the threshold. Variants (a #define is inserted after #version):
//   PICK  writes the item id + 1 into an integer target instead of a colour (0 = nothing);
//   FLAT  draws a flat square in the item's tint, for sprites only a few pixels wide.

flat in int vId;
flat in vec3 vTint;
flat in ivec3 vCell;

uniform sampler2DArray uAtlas;
uniform float uCell;           // cell side in texels, at the sampled level
uniform vec2 uPageSize;        // page size in texels
uniform int uAlphaMode;        // 0 luminance, 1 channel, 2 opaque
uniform float uThreshold;
uniform int uTintByLabel;      // 1: the image's shape in its label's colour

#ifdef PICK
out int fragId;
#else
out vec4 fragColor;
#endif

void main() {
#ifdef FLAT
  #ifdef PICK
    fragId = vId + 1;
  #else
    fragColor = vec4(vTint, 1.0);
  #endif
#else
    // Stay half a texel inside the cell, so linear filtering never reads a neighbouring cell.
    vec2 local = clamp(gl_PointCoord * uCell, vec2(0.5), vec2(uCell - 0.5));
    vec2 uv = (vec2(vCell.xy) * uCell + local) / uPageSize;
    vec4 t = texture(uAtlas, vec3(uv, float(vCell.z)));
    float a = uAlphaMode == 0 ? dot(t.rgb, vec3(0.299, 0.587, 0.114)) : (uAlphaMode == 1 ? t.a : 1.0);
    if (a < uThreshold) discard;
  #ifdef PICK
    fragId = vId + 1;
  #else
    // Luminance alpha means the image is ink of coverage a: a kept texel shows the ink at full
    // strength (white for grey images), so small and coarse sprites do not fade to grey.
    vec3 ink = uAlphaMode == 0 ? t.rgb / max(a, 1e-3) : t.rgb;
    fragColor = vec4(uTintByLabel == 1 ? vTint : min(ink, vec3(1.0)), 1.0);
  #endif
#endif
}
