#version 330 core
// Lines between items (the pinned item and each of its neighbours), drawn over the per-item buffers
// with glDrawElements(GL_LINES) on a list of item pairs: each end is positioned as its sprite is (the
// transition's weighted sum, see sprite.vert), so the lines follow the sprites through transitions.
layout(location = 0) in vec2 aPos0;
layout(location = 1) in vec2 aPos1;
layout(location = 2) in vec2 aPos2;
layout(location = 5) in int aState;   // ItemStates bits

uniform mat4 uWorldToClip;
uniform vec3 uWeights;

flat out int vState;

void main() {
    vec2 p = uWeights.x * aPos0 + uWeights.y * aPos1 + uWeights.z * aPos2;
    gl_Position = uWorldToClip * vec4(p, 0.0, 1.0);
    vState = aState;
}
