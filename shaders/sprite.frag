#version 330 core
// Crops the item's cell out of the atlas page with gl_PointCoord and discards texels whose alpha is
// below the threshold. Variants (a #define is inserted after #version):
//   PICK  writes the item id + 1 into an integer target instead of a colour (0 = nothing);
//   FLAT  draws a flat square in the item's tint, for sprites only a few pixels wide;
//   EXACT sprites exactly one texel per pixel, on the pixel grid: texels read with texelFetch;
//   RECORD also writes the item and its ink, for a recorded scene (with any of the above but PICK).
//   SMOOTH (scene only): no threshold; the colour is premultiplied by the texel's alpha, for
//         blending with (ONE, ONE_MINUS_SRC_ALPHA);
//   TINT  the image's shape in the item's colour (its label's, or the colouring's).
//   INK_SHADED (with luminance alpha) a kept texel shows its own grey, not full-strength ink.
// Dimmed items (STATE_DIMMED) are drawn, their colour taken most of the way to the background.
// The modes are variants, and the alpha mode (ALPHA_MODE) a constant, rather than uniforms: a software
// rasteriser runs both sides of every branch for every pixel (about a tenth of a moving frame).
#include "atlas.glsl"

flat in int vId;
flat in vec3 vTint;
flat in ivec4 vCell;
flat in int vState;

uniform float uThreshold;
#ifdef EXACT
uniform int uLevel;            // the level wanted: a cell that fell back to a coarser one is filtered
#endif
uniform vec3 uBackground;
uniform float uDimKeep;        // how much of a dimmed item's colour is kept

#ifdef PICK
out int fragId;
#else
layout(location = 0) out vec4 fragColor;
#ifdef RECORD
// For a recorded scene (SceneRecord.java): the item id + 1, and the ink (a = 0 for a flat square, whose
// colour is the tint), from which the scene is recoloured. Only this variant reads the id, so that the
// others pass one value less per sprite.
layout(location = 1) out int fragItem;
layout(location = 2) out vec4 fragInk;
#endif

vec4 shown(vec3 rgb) {
    return vec4((vState & STATE_DIMMED) != 0 ? mix(uBackground, rgb, uDimKeep) : rgb, 1.0);
}
#endif

void main() {
#ifdef FLAT
  #ifdef PICK
    fragId = vId + 1;
  #else
    fragColor = shown(vTint);
    #ifdef RECORD
    fragItem = vId + 1;
    fragInk = vec4(0.0);
    #endif
  #endif
#else
#ifdef EXACT
    vec4 t = cellTexelExact(vCell, gl_PointCoord, uLevel);
#else
    vec4 t = cellTexel(vCell, gl_PointCoord);
#endif
    float a = coverage(t);
  #ifdef SMOOTH
    if (a < 0.5 / 255.0) discard;
  #else
    if (a < uThreshold) discard;
  #endif
  #ifdef PICK
    fragId = vId + 1;
  #else
    // Luminance alpha means the image is ink of coverage a: a kept texel shows the ink at full
    // strength (white for grey images), so small and coarse sprites do not fade to grey; unless the
    // bundle's images are shaded (INK_SHADED, bundle/Ink.java), whose greys are the picture itself
    // (blended by their alpha, SMOOTH, white ink of coverage a already gives that grey over the dark).
    // Rounded to what the target stores, so that a recoloured scene (recolour.frag) mixes the same value.
  #if defined(INK_SHADED) && !defined(SMOOTH)
    vec3 ink = floor(min(t.rgb, vec3(1.0)) * 255.0 + 0.5) / 255.0;
  #else
    vec3 ink = floor(min(ALPHA == 0 ? t.rgb / max(a, 1e-3) : t.rgb, vec3(1.0)) * 255.0 + 0.5) / 255.0;
  #endif
    #ifdef TINT
    fragColor = shown(vTint);
    #else
    fragColor = shown(ink);
    #endif
    #ifdef SMOOTH
    fragColor = vec4(fragColor.rgb * a, a);
    #endif
    #ifdef RECORD
    fragItem = vId + 1;
    fragInk = vec4(ink, 1.0);
    #endif
  #endif
#endif
}
