# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'client_server_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout)

class Ui_ClientServerPage(object):
    def setupUi(self, ClientServerPage):
        if not ClientServerPage.objectName():
            ClientServerPage.setObjectName(u"ClientServerPage")
        ClientServerPage.resize(760, 520)
        self.page_layout = QVBoxLayout(ClientServerPage)
        self.page_layout.setObjectName(u"page_layout")
        self.client_server_group = QGroupBox(ClientServerPage)
        self.client_server_group.setObjectName(u"client_server_group")
        self.client_server_group_grid = QGridLayout(self.client_server_group)
        self.client_server_group_grid.setObjectName(u"client_server_group_grid")
        self.client_server_encryption = QCheckBox(self.client_server_group)
        self.client_server_encryption.setObjectName(u"client_server_encryption")

        self.client_server_group_grid.addWidget(self.client_server_encryption, 0, 0, 1, 2)

        self.client_server_encryption_source = QLabel(self.client_server_group)
        self.client_server_encryption_source.setObjectName(u"client_server_encryption_source")

        self.client_server_group_grid.addWidget(self.client_server_encryption_source, 0, 2, 1, 1)

        self.client_server_port_label = QLabel(self.client_server_group)
        self.client_server_port_label.setObjectName(u"client_server_port_label")

        self.client_server_group_grid.addWidget(self.client_server_port_label, 1, 0, 1, 1)

        self.client_server_port = QLineEdit(self.client_server_group)
        self.client_server_port.setObjectName(u"client_server_port")

        self.client_server_group_grid.addWidget(self.client_server_port, 1, 1, 1, 1)

        self.client_server_port_source = QLabel(self.client_server_group)
        self.client_server_port_source.setObjectName(u"client_server_port_source")

        self.client_server_group_grid.addWidget(self.client_server_port_source, 1, 2, 1, 1)

        self.client_server_legacy_network_layer_label = QLabel(self.client_server_group)
        self.client_server_legacy_network_layer_label.setObjectName(u"client_server_legacy_network_layer_label")

        self.client_server_group_grid.addWidget(self.client_server_legacy_network_layer_label, 2, 0, 1, 1)

        self.client_server_legacy_network_layer = QComboBox(self.client_server_group)
        self.client_server_legacy_network_layer.setObjectName(u"client_server_legacy_network_layer")

        self.client_server_group_grid.addWidget(self.client_server_legacy_network_layer, 2, 1, 1, 1)

        self.client_server_legacy_network_layer_source = QLabel(self.client_server_group)
        self.client_server_legacy_network_layer_source.setObjectName(u"client_server_legacy_network_layer_source")

        self.client_server_group_grid.addWidget(self.client_server_legacy_network_layer_source, 2, 2, 1, 1)

        self.restart_note = QLabel(self.client_server_group)
        self.restart_note.setObjectName(u"restart_note")
        self.restart_note.setWordWrap(True)
        self.restart_note.setTextFormat(Qt.RichText)

        self.client_server_group_grid.addWidget(self.restart_note, 3, 0, 1, 3)

        self.client_server_group_grid.setColumnStretch(2, 1)

        self.page_layout.addWidget(self.client_server_group)

        self.bottom_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.page_layout.addItem(self.bottom_spacer)

#if QT_CONFIG(shortcut)
        self.client_server_port_label.setBuddy(self.client_server_port)
        self.client_server_legacy_network_layer_label.setBuddy(self.client_server_legacy_network_layer)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ClientServerPage)

        QMetaObject.connectSlotsByName(ClientServerPage)
    # setupUi

    def retranslateUi(self, ClientServerPage):
        self.client_server_group.setTitle(QCoreApplication.translate("ClientServerPage", u"Client-server communication", None))
        self.client_server_encryption.setText(QCoreApplication.translate("ClientServerPage", u"Encrypt Client-Server Communications", None))
        self.client_server_encryption_source.setText(QCoreApplication.translate("ClientServerPage", u"stored in \u2026", None))
        self.client_server_port_label.setText(QCoreApplication.translate("ClientServerPage", u"Port Number", None))
        self.client_server_port_source.setText(QCoreApplication.translate("ClientServerPage", u"stored in \u2026", None))
        self.client_server_legacy_network_layer_label.setText(QCoreApplication.translate("ClientServerPage", u"Network layer", None))
        self.client_server_legacy_network_layer_source.setText(QCoreApplication.translate("ClientServerPage", u"stored in \u2026", None))
        pass
    # retranslateUi

