#version 330 core
// Point sprites: one vertex per item. The position is a weighted sum of the item's position in up
// to three layouts (see Transition.java); the size is one uniform for all items (SpriteSizing.java).
// Items whose label is hidden are moved outside the clip volume, so they are neither drawn nor picked.

layout(location = 0) in vec2 aPos0;
layout(location = 1) in vec2 aPos1;
layout(location = 2) in vec2 aPos2;
layout(location = 3) in int aLabel;

uniform mat4 uWorldToClip;
uniform vec3 uWeights;
uniform float uPointSize;
uniform sampler2D uLabels;     // per label: rgb = colour, a = 1 when shown
uniform int uLabelsWidth;
uniform int uColumns;          // atlas grid of the sampled level
uniform int uCellsPerPage;

flat out int vId;
flat out vec3 vTint;
flat out ivec3 vCell;          // column, row, page of the item's cell

void main() {
    vec4 label = texelFetch(uLabels, ivec2(aLabel % uLabelsWidth, aLabel / uLabelsWidth), 0);
    vId = gl_VertexID;
    vTint = label.rgb;
    int k = gl_VertexID % uCellsPerPage;
    vCell = ivec3(k % uColumns, k / uColumns, gl_VertexID / uCellsPerPage);
    if (label.a < 0.5) {
        gl_Position = vec4(0.0, 0.0, 2.0, 1.0);   // beyond the far plane: clipped
        gl_PointSize = 1.0;
        return;
    }
    vec2 p = uWeights.x * aPos0 + uWeights.y * aPos1 + uWeights.z * aPos2;
    gl_Position = uWorldToClip * vec4(p, 0.0, 1.0);
    gl_PointSize = uPointSize;
}
