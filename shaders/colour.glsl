// An item's colour under the colouring (ColourBy.rgb): its category's, or its number's place on the
// colour map. Shared by the sprites (per vertex) and the scene's recolouring (per pixel), so both
// colour an item alike. Included with #include "colour.glsl".

uniform sampler2D uCategoryColours;   // per category: rgb = colour
uniform int uCategoriesWidth;
uniform int uColourByNumber;   // 1: colour by the number through the colour map
uniform sampler2D uColourMap;  // ColourMap.SIZE texels in a row
uniform float uValueLow;       // the value at the map's start
uniform float uValueScale;     // 1 / (high - low); 0 when the range has no width
uniform vec3 uMissingColour;

vec3 itemTint(int category, float value) {
    if (uColourByNumber == 0) return texelFetch(uCategoryColours, ivec2(category % uCategoriesWidth, category / uCategoriesWidth), 0).rgb;
    if (value < -1e38) return uMissingColour;
    float t = uValueScale > 0.0 ? clamp((value - uValueLow) * uValueScale, 0.0, 1.0) : (value >= uValueLow ? 1.0 : 0.0);
    return texelFetch(uColourMap, ivec2(int(t * 255.0 + 0.5), 0), 0).rgb;
}
