#version 330 core
// A line in one colour with a dark edge on both sides, so it reads over light images and the dark
// background alike (as the selection ring does).
in float vAcross;

uniform vec3 uColor;
uniform vec3 uEdgeColor;
uniform float uEdge;           // the edge's share of the half width (0: none)

out vec4 fragColor;

void main() {
    fragColor = vec4(abs(vAcross) > 1.0 - uEdge ? uEdgeColor : uColor, 1.0);
}
