# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'tls_policy_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject, Qt)
from PySide6.QtWidgets import (QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from tlsgui.widgets.cipher_editor import CipherEditor

class Ui_TlsPolicyPage(object):
    def setupUi(self, TlsPolicyPage):
        if not TlsPolicyPage.objectName():
            TlsPolicyPage.setObjectName(u"TlsPolicyPage")
        TlsPolicyPage.resize(760, 520)
        self.page_layout = QVBoxLayout(TlsPolicyPage)
        self.page_layout.setObjectName(u"page_layout")
        self.test_actions = QWidget(TlsPolicyPage)
        self.test_actions.setObjectName(u"test_actions")
        self.test_actions_layout = QHBoxLayout(self.test_actions)
        self.test_actions_layout.setObjectName(u"test_actions_layout")
        self.test_actions_layout.setContentsMargins(0, 0, 0, 0)
        self.test_button = QPushButton(self.test_actions)
        self.test_button.setObjectName(u"test_button")

        self.test_actions_layout.addWidget(self.test_button)

        self.test_hint = QLabel(self.test_actions)
        self.test_hint.setObjectName(u"test_hint")
        self.test_hint.setWordWrap(True)

        self.test_actions_layout.addWidget(self.test_hint)

        self.test_actions_layout.setStretch(1, 1)

        self.page_layout.addWidget(self.test_actions)

        self.version_group = QGroupBox(TlsPolicyPage)
        self.version_group.setObjectName(u"version_group")
        self.version_group_grid = QGridLayout(self.version_group)
        self.version_group_grid.setObjectName(u"version_group_grid")
        self.project_4d_version_label = QLabel(self.version_group)
        self.project_4d_version_label.setObjectName(u"project_4d_version_label")

        self.version_group_grid.addWidget(self.project_4d_version_label, 0, 0, 1, 1)

        self.project_4d_version = QComboBox(self.version_group)
        self.project_4d_version.setObjectName(u"project_4d_version")

        self.version_group_grid.addWidget(self.project_4d_version, 0, 1, 1, 1)

        self.project_4d_version_source = QLabel(self.version_group)
        self.project_4d_version_source.setObjectName(u"project_4d_version_source")

        self.version_group_grid.addWidget(self.project_4d_version_source, 0, 2, 1, 1)

        self.project_4d_version_status = QLabel(self.version_group)
        self.project_4d_version_status.setObjectName(u"project_4d_version_status")
        self.project_4d_version_status.setWordWrap(True)

        self.version_group_grid.addWidget(self.project_4d_version_status, 1, 0, 1, 3)

        self.version_group_grid.setColumnStretch(2, 1)

        self.page_layout.addWidget(self.version_group)

        self.startup_group = QGroupBox(TlsPolicyPage)
        self.startup_group.setObjectName(u"startup_group")
        self.startup_layout = QHBoxLayout(self.startup_group)
        self.startup_layout.setObjectName(u"startup_layout")
        self.files_startup = QLabel(self.startup_group)
        self.files_startup.setObjectName(u"files_startup")
        self.files_startup.setWordWrap(True)

        self.startup_layout.addWidget(self.files_startup)

        self.wire_startup_button = QPushButton(self.startup_group)
        self.wire_startup_button.setObjectName(u"wire_startup_button")

        self.startup_layout.addWidget(self.wire_startup_button)

        self.startup_layout.setStretch(0, 1)

        self.page_layout.addWidget(self.startup_group)

        self.protocol_group = QGroupBox(TlsPolicyPage)
        self.protocol_group.setObjectName(u"protocol_group")
        self.protocol_group_grid = QGridLayout(self.protocol_group)
        self.protocol_group_grid.setObjectName(u"protocol_group_grid")
        self.tls_min_version_label = QLabel(self.protocol_group)
        self.tls_min_version_label.setObjectName(u"tls_min_version_label")

        self.protocol_group_grid.addWidget(self.tls_min_version_label, 0, 0, 1, 1)

        self.tls_min_version = QComboBox(self.protocol_group)
        self.tls_min_version.setObjectName(u"tls_min_version")

        self.protocol_group_grid.addWidget(self.tls_min_version, 0, 1, 1, 1)

        self.tls_min_version_source = QLabel(self.protocol_group)
        self.tls_min_version_source.setObjectName(u"tls_min_version_source")

        self.protocol_group_grid.addWidget(self.tls_min_version_source, 0, 2, 1, 1)

        self.tls_profile_label = QLabel(self.protocol_group)
        self.tls_profile_label.setObjectName(u"tls_profile_label")

        self.protocol_group_grid.addWidget(self.tls_profile_label, 1, 0, 1, 1)

        self.tls_profile = QComboBox(self.protocol_group)
        self.tls_profile.setObjectName(u"tls_profile")

        self.protocol_group_grid.addWidget(self.tls_profile, 1, 1, 1, 1)

        self.tls_profile_description = QLabel(self.protocol_group)
        self.tls_profile_description.setObjectName(u"tls_profile_description")
        self.tls_profile_description.setWordWrap(True)
        self.tls_profile_description.setTextFormat(Qt.RichText)

        self.protocol_group_grid.addWidget(self.tls_profile_description, 2, 0, 1, 3)

        self.protocol_group_grid.setColumnStretch(2, 1)

        self.page_layout.addWidget(self.protocol_group)

        self.cipher_group = QGroupBox(TlsPolicyPage)
        self.cipher_group.setObjectName(u"cipher_group")
        self.cipher_group_grid = QGridLayout(self.cipher_group)
        self.cipher_group_grid.setObjectName(u"cipher_group_grid")
        self.tls_cipher_list_label = QLabel(self.cipher_group)
        self.tls_cipher_list_label.setObjectName(u"tls_cipher_list_label")

        self.cipher_group_grid.addWidget(self.tls_cipher_list_label, 0, 0, 1, 1)

        self.tls_cipher_list_source = QLabel(self.cipher_group)
        self.tls_cipher_list_source.setObjectName(u"tls_cipher_list_source")

        self.cipher_group_grid.addWidget(self.tls_cipher_list_source, 0, 2, 1, 1)

        self.cipher_box = CipherEditor(self.cipher_group)
        self.cipher_box.setObjectName(u"cipher_box")

        self.cipher_group_grid.addWidget(self.cipher_box, 1, 0, 1, 3)

        self.cipher_group_grid.setColumnStretch(2, 1)

        self.page_layout.addWidget(self.cipher_group)

        self.assessment_group = QGroupBox(TlsPolicyPage)
        self.assessment_group.setObjectName(u"assessment_group")
        self.assessment_group_grid = QGridLayout(self.assessment_group)
        self.assessment_group_grid.setObjectName(u"assessment_group_grid")
        self.forward_secrecy_label = QLabel(self.assessment_group)
        self.forward_secrecy_label.setObjectName(u"forward_secrecy_label")

        self.assessment_group_grid.addWidget(self.forward_secrecy_label, 0, 0, 1, 1)

        self.forward_secrecy_status = QLabel(self.assessment_group)
        self.forward_secrecy_status.setObjectName(u"forward_secrecy_status")
        self.forward_secrecy_status.setWordWrap(True)
        self.forward_secrecy_status.setTextFormat(Qt.RichText)

        self.assessment_group_grid.addWidget(self.forward_secrecy_status, 0, 1, 1, 2)

        self.dh_label = QLabel(self.assessment_group)
        self.dh_label.setObjectName(u"dh_label")

        self.assessment_group_grid.addWidget(self.dh_label, 1, 0, 1, 1)

        self.dh_status = QLabel(self.assessment_group)
        self.dh_status.setObjectName(u"dh_status")
        self.dh_status.setWordWrap(True)
        self.dh_status.setTextFormat(Qt.RichText)

        self.assessment_group_grid.addWidget(self.dh_status, 1, 1, 1, 2)

        self.grade_title = QLabel(self.assessment_group)
        self.grade_title.setObjectName(u"grade_title")

        self.assessment_group_grid.addWidget(self.grade_title, 2, 0, 1, 1)

        self.grade_label = QLabel(self.assessment_group)
        self.grade_label.setObjectName(u"grade_label")
        self.grade_label.setWordWrap(True)
        self.grade_label.setTextFormat(Qt.RichText)

        self.assessment_group_grid.addWidget(self.grade_label, 2, 1, 1, 2)

        self.grade_reasons = QLabel(self.assessment_group)
        self.grade_reasons.setObjectName(u"grade_reasons")
        self.grade_reasons.setWordWrap(True)
        self.grade_reasons.setTextFormat(Qt.RichText)

        self.assessment_group_grid.addWidget(self.grade_reasons, 3, 1, 1, 2)

        self.assessment_group_grid.setColumnStretch(2, 1)

        self.page_layout.addWidget(self.assessment_group)

        self.bottom_spacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.page_layout.addItem(self.bottom_spacer)

#if QT_CONFIG(shortcut)
        self.project_4d_version_label.setBuddy(self.project_4d_version)
        self.tls_min_version_label.setBuddy(self.tls_min_version)
        self.tls_profile_label.setBuddy(self.tls_profile)
        self.forward_secrecy_label.setBuddy(self.forward_secrecy_status)
        self.dh_label.setBuddy(self.dh_status)
        self.grade_title.setBuddy(self.grade_label)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TlsPolicyPage)

        QMetaObject.connectSlotsByName(TlsPolicyPage)
    # setupUi

    def retranslateUi(self, TlsPolicyPage):
        self.test_button.setText(QCoreApplication.translate("TlsPolicyPage", u"&Test TLS\u2026", None))
        self.test_hint.setText(QCoreApplication.translate("TlsPolicyPage", u"Runs real TLS handshakes on 127.0.0.1 with these settings (unsaved edits included) and the project's certificate files.", None))
        self.version_group.setTitle(QCoreApplication.translate("TlsPolicyPage", u"4D version", None))
        self.project_4d_version_label.setText(QCoreApplication.translate("TlsPolicyPage", u"4D version", None))
        self.project_4d_version_source.setText(QCoreApplication.translate("TlsPolicyPage", u"stored in \u2026", None))
        self.startup_group.setTitle(QCoreApplication.translate("TlsPolicyPage", u"Applied at start-up", None))
        self.wire_startup_button.setText(QCoreApplication.translate("TlsPolicyPage", u"Call TLS_ApplySettings at start-up", None))
        self.protocol_group.setTitle(QCoreApplication.translate("TlsPolicyPage", u"Protocol", None))
        self.tls_min_version_label.setText(QCoreApplication.translate("TlsPolicyPage", u"Minimum TLS version", None))
        self.tls_min_version_source.setText(QCoreApplication.translate("TlsPolicyPage", u"stored in \u2026", None))
        self.tls_profile_label.setText(QCoreApplication.translate("TlsPolicyPage", u"Profile", None))
        self.cipher_group.setTitle(QCoreApplication.translate("TlsPolicyPage", u"Cipher list (TLS 1.2 and older)", None))
        self.tls_cipher_list_label.setText(QCoreApplication.translate("TlsPolicyPage", u"Cipher list", None))
        self.tls_cipher_list_source.setText(QCoreApplication.translate("TlsPolicyPage", u"stored in \u2026", None))
        self.assessment_group.setTitle(QCoreApplication.translate("TlsPolicyPage", u"Assessment", None))
        self.forward_secrecy_label.setText(QCoreApplication.translate("TlsPolicyPage", u"Forward secrecy", None))
        self.dh_label.setText(QCoreApplication.translate("TlsPolicyPage", u"DH parameters", None))
        self.grade_title.setText(QCoreApplication.translate("TlsPolicyPage", u"Predicted grade", None))
        pass
    # retranslateUi

