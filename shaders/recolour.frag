#version 330 core
// Recolours a recorded scene (SceneRecolourPass.java) in place of drawing its sprites again: per pixel
// the item on top and its ink, as the sprites wrote them (sprite.frag, locations 1 and 2), give the
// colour sprite.frag would give it now, from the item's state and colouring. Pixels of no item (the
// background, or the pin's lines over it, drawn again after) and of a selection ring (id -1) keep
// their colour: discarded, which also spares the software rasteriser the rest of the work for blocks
// of them (most of a view's pixels are background).
#include "colour.glsl"

uniform isampler2D uIds;        // item + 1, 0 none, -1 a selection ring
uniform sampler2D uInk;         // rgb the ink; a 0 when the sprite was a flat square (its colour is the tint)
uniform usamplerBuffer uStates; // per item: ItemStates bits
uniform isamplerBuffer uCategories;
uniform samplerBuffer uValues;
uniform int uTintByLabel;
uniform vec3 uBackground;
uniform float uDimKeep;

out vec4 fragColor;

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    int id = texelFetch(uIds, p, 0).r;
    if (id <= 0) discard;
    int item = id - 1;
    vec4 ink = texelFetch(uInk, p, 0);
#ifdef TINT
    vec3 rgb = ink.a < 0.5 || uTintByLabel == 1 ? itemTint(texelFetch(uCategories, item).r, texelFetch(uValues, item).r) : ink.rgb;
#else
    vec3 rgb = ink.rgb;   // neither tinted nor flat squares: the ink is the colour (the tint's lookups cost most)
#endif
    bool dimmed = (int(texelFetch(uStates, item).r) & STATE_DIMMED) != 0;
    fragColor = vec4(dimmed ? mix(uBackground, rgb, uDimKeep) : rgb, 1.0);
}
